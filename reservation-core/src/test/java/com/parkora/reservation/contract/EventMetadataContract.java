package com.parkora.reservation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.Actor;
import com.parkora.reservation.app.Actor.Role;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;

/**
 * Every stored event names who recorded it (docs/events.md): the Python service's {@code source}
 * and {@code user}, the {@code roles} that let the actor act and the {@code request_id}; internal
 * jobs are {@code system} with their job as the source. Read back after the store is reopened, so
 * what is asserted is what the store kept.
 */
public abstract class EventMetadataContract extends ReopenedStoreContract {

  private static final String START = "2026-12-01T09:30:00Z";

  private final TenantId tenant = Fixtures.newTenant();
  private final String alice = UUID.randomUUID().toString();
  private final TestClock clock = TestClock.at("2026-12-01T08:00:00Z");
  private final ScriptedPayments payments = new ScriptedPayments();

  private ReservationService service() {
    return ReservationService.builder(storage).clock(clock).paymentGateway(payments).build();
  }

  private ReservationService as(Actor actor) {
    return service().as(actor);
  }

  private String book(Actor actor) {
    return as(actor).create(tenant, alice, "M-" + UUID.randomUUID(), START, 2, 5.0).id().toString();
  }

  /** The stored events of the reservation, read from the store reopened. */
  private List<StoredEvent> storedAfterReopening(String id) {
    reopen();
    return service().events(tenant, id);
  }

  private static Map<String, String> request(String user, String roles, String requestId) {
    return Map.of(
        "source", "graphql_mutation", "user", user, "roles", roles, "request_id", requestId);
  }

  /** Asserts the event's type and who recorded it: through which source, which user, what roles. */
  private static MapAssert<String, String> assertRecorded(
      StoredEvent event, EventType type, String source, String user, String roles) {
    assertThat(event.type()).isEqualTo(type);
    return assertThat(event.metadata())
        .containsEntry("source", source)
        .containsEntry("user", user)
        .containsEntry("roles", roles);
  }

  @Test
  void every_event_of_a_users_commands_names_the_user_and_the_request() {
    Actor user = Actor.user(alice, Set.of(), "req-pay-1", "graphql_mutation");
    String id = book(user);
    assertThat(as(user).pay(tenant, id).success()).isTrue();

    List<StoredEvent> stored = storedAfterReopening(id);

    assertThat(stored)
        .extracting(StoredEvent::type)
        .containsExactly(
            EventType.RESERVATION_CREATED, EventType.PAYMENT_CLAIMED, EventType.PAYMENT_PROCESSED);
    assertThat(stored.get(0).metadata()).containsAllEntriesOf(request(alice, "", "req-pay-1"));
    assertThat(stored.get(1).metadata()).containsAllEntriesOf(request(alice, "", "req-pay-1"));
    assertThat(stored.get(2).metadata()).containsAllEntriesOf(request(alice, "", "req-pay-1"));
  }

  @Test
  void the_roles_that_let_an_actor_act_on_anothers_reservation_are_named() {
    String id = book(Actor.user(alice, Set.of(), "req-book", "graphql_mutation"));
    Actor admin = Actor.user("ops-1", Set.of(Role.SERVICE, Role.ADMIN), "req-ops", "rest");
    as(admin).confirm(tenant, id, "txn-ops");

    StoredEvent confirmed = storedAfterReopening(id).get(1);

    assertRecorded(confirmed, EventType.RESERVATION_CONFIRMED, "rest", "ops-1", "admin,service")
        .containsEntry("request_id", "req-ops");
  }

  @Test
  void an_anonymous_caller_is_named_anonymous_with_its_request() {
    String id = book(Actor.anonymous("req-anon", "graphql_mutation"));

    assertThat(storedAfterReopening(id).getFirst().metadata())
        .containsAllEntriesOf(request("anonymous", "", "req-anon"));
  }

  @Test
  void internal_jobs_are_the_system_with_their_job_as_the_source_and_no_request() {
    String expiring = book(Actor.user(alice, Set.of(), "req-1", "graphql_mutation"));
    clock.advance(Duration.ofMinutes(16));
    assertThat(service().expireDue(tenant, 10)).isEqualTo(1);

    StoredEvent expired = storedAfterReopening(expiring).get(1);

    assertRecorded(expired, EventType.RESERVATION_EXPIRED, "expiry", "system", "")
        .doesNotContainKey("request_id");
  }

  @Test
  void a_refund_is_owed_by_the_canceller_and_sent_by_the_refund_job() {
    Actor user = Actor.user(alice, Set.of(), "req-2", "graphql_mutation");
    String id = book(user);
    as(user).pay(tenant, id);
    as(user).cancel(tenant, id, "plans changed");

    List<StoredEvent> stored = storedAfterReopening(id);

    assertThat(stored.get(3).type()).isEqualTo(EventType.RESERVATION_CANCELLED);
    assertThat(stored.get(3).metadata()).containsAllEntriesOf(request(alice, "", "req-2"));
    assertThat(stored.get(4).type()).isEqualTo(EventType.REFUND_REQUESTED);
    assertThat(stored.get(4).metadata()).containsAllEntriesOf(request(alice, "", "req-2"));
    assertThat(stored.get(5).type()).isEqualTo(EventType.REFUND_COMPLETED);
    assertThat(stored.get(5).metadata())
        .containsEntry("source", "refunds")
        .containsEntry("user", "system");
  }

  @Test
  void a_subject_and_request_id_that_look_like_json_or_sql_read_back_exactly() {
    String subject = "svc\"},{\"user\":\"root\\'; DROP TABLE event_store;-- \uD83D\uDE97 ü";
    String requestId = "req\"\\n{}";
    String id = book(Actor.user(subject, Set.of(Role.SERVICE), requestId, "graphql_mutation"));

    assertThat(storedAfterReopening(id).getFirst().metadata())
        .containsAllEntriesOf(request(subject, "service", requestId));
  }
}
