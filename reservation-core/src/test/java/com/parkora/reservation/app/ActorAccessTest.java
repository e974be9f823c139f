package com.parkora.reservation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.Actor.Role;
import com.parkora.reservation.contract.ScriptedPayments;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The core's rule of who acts on what, with the in-memory store: an ordinary user acts on their own
 * reservations only and someone else's does not exist for them; admin and service act on all of the
 * tenant; administration needs the admin role while authentication is on.
 */
class ActorAccessTest {

  private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
  private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
  private static final String START = "2026-12-01T09:30:00Z";

  private final InMemoryStorage storage = new InMemoryStorage();
  private final ReservationService system =
      ReservationService.builder(storage)
          .clock(TestClock.at("2026-12-01T08:00:00Z"))
          .paymentGateway(new ScriptedPayments())
          .build();
  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final ReservationService alice = system.as(user(ALICE));
  private final ReservationService bob = system.as(user(BOB));
  private final ReservationView bobs = bob.create(tenant, BOB, "A-1", START, 2, 5.0);
  private final String bobsId = bobs.id().toString();
  private final String missing = UUID.randomUUID().toString();

  private static Actor user(String subject, Role... roles) {
    return Actor.user(subject, Set.of(roles), "req-1", "test");
  }

  private void assertDenied(ThrowingCallable call, ErrorCode code) {
    long before = storage.eventCount(tenant);
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReservationException.class, e -> assertThat(e.code()).isEqualTo(code));
    assertThat(storage.eventCount(tenant)).as("events appended").isEqualTo(before);
  }

  private static String failure(ThrowingCallable call) {
    try {
      call.call();
    } catch (Throwable e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    throw new AssertionError("no failure");
  }

  @Test
  void a_user_books_for_themself_and_not_for_another() {
    assertThat(alice.create(tenant, ALICE, "B-1", START, 1, 2.0).userId().toString())
        .isEqualTo(ALICE);
    assertDenied(() -> alice.create(tenant, BOB, "B-2", START, 1, 2.0), ErrorCode.FORBIDDEN);
  }

  @Test
  void someone_elses_reservation_does_not_exist_for_a_user() {
    assertThat(alice.byId(tenant, bobsId)).isEmpty();
    assertThat(alice.events(tenant, bobsId)).isEmpty();
    assertThat(alice.history(tenant, bobsId)).isEmpty();
    assertThat(alice.stateAt(tenant, bobsId, "2030-01-01T00:00:00Z")).isEmpty();
    assertThat(bob.byId(tenant, bobsId)).contains(bobs);
    assertThat(bob.events(tenant, bobsId)).hasSize(1);
  }

  @Test
  void changing_someone_elses_reservation_fails_exactly_as_for_a_missing_id() {
    assertThat(failure(() -> alice.cancel(tenant, bobsId, "no")))
        .isEqualTo(failure(() -> alice.cancel(tenant, missing, "no")).replace(missing, bobsId));
    assertDenied(() -> alice.cancel(tenant, bobsId, "no"), ErrorCode.NOT_FOUND);
    assertThat(alice.pay(tenant, bobsId).errorCode())
        .isEqualTo(PaymentOutcome.RESERVATION_NOT_FOUND);
    assertThat(alice.pay(tenant, bobsId).message())
        .isEqualTo(alice.pay(tenant, missing).message().replace(missing, bobsId));
    assertThat(alice.delete(tenant, bobsId))
        .isEqualTo(
            new DeleteOutcome(
                false, alice.delete(tenant, missing).message().replace(missing, bobsId)));
    assertThat(system.byId(tenant, bobsId)).contains(bobs);
  }

  @Test
  void a_user_lists_only_their_own_and_may_not_name_another() {
    ReservationView own = alice.create(tenant, ALICE, "A-2", START, 1, 2.0);

    assertThat(alice.list(tenant, null, null, 100, 0)).containsExactly(own);
    assertThat(alice.list(tenant, null, ALICE, 100, 0)).containsExactly(own);
    assertThat(alice.byUser(tenant, ALICE, true)).containsExactly(own);
    assertDenied(() -> alice.list(tenant, null, BOB, 100, 0), ErrorCode.FORBIDDEN);
    assertDenied(() -> alice.byUser(tenant, BOB, true), ErrorCode.FORBIDDEN);
  }

  @Test
  void a_spot_shows_a_user_only_their_own_bookings_but_still_says_it_is_taken() {
    assertThat(alice.bySpot(tenant, "A-1", null, null)).isEmpty();
    assertThat(bob.bySpot(tenant, "A-1", null, null)).containsExactly(bobs);

    Availability seenByAlice = alice.availability(tenant, "A-1", START, 1);
    assertThat(seenByAlice.available()).isFalse();
    assertThat(seenByAlice.conflicts()).isEmpty();
    assertThat(bob.availability(tenant, "A-1", START, 1).conflicts()).containsExactly(bobs.id());
  }

  @Test
  void the_tenants_counts_stay_open_to_a_user() {
    assertThat(alice.stats(tenant).total()).isEqualTo(1);
  }

  @Test
  void admin_service_anonymous_and_unchecked_callers_act_on_every_reservation() {
    for (Actor actor :
        new Actor[] {
          user(ALICE, Role.ADMIN),
          user(ALICE, Role.SERVICE),
          Actor.anonymous("r", "test"),
          Actor.unchecked("r", "test")
        }) {
      assertThat(system.as(actor).byId(tenant, bobsId)).as(actor.toString()).contains(bobs);
    }
    ReservationService service = system.as(user(ALICE, Role.SERVICE));
    assertThat(service.confirm(tenant, bobsId, "txn-1").transactionId()).isEqualTo("txn-1");
    assertThat(system.as(user(ALICE, Role.ADMIN)).list(tenant, null, BOB, 10, 0)).hasSize(1);
    assertThat(system.as(Actor.anonymous("r", "t")).byUser(tenant, BOB, true)).hasSize(1);
  }

  @Test
  void a_user_confirms_or_completes_nothing_by_hand_not_even_their_own() {
    assertDenied(() -> bob.confirm(tenant, bobsId, "made-up"), ErrorCode.FORBIDDEN);
    assertDenied(() -> bob.complete(tenant, bobsId), ErrorCode.FORBIDDEN);
    assertDenied(() -> alice.confirm(tenant, bobsId, "made-up"), ErrorCode.FORBIDDEN);
    assertThat(system.byId(tenant, bobsId).orElseThrow().status())
        .isEqualTo(ReservationStatus.PENDING);
    assertThat(system.as(Actor.anonymous("r", "payment service")).confirm(tenant, bobsId, "t-9"))
        .extracting(ReservationView::status)
        .isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void administration_needs_the_admin_role_while_authentication_is_on() {
    assertDenied(() -> alice.eventStats(tenant), ErrorCode.FORBIDDEN);
    assertDenied(
        () -> system.as(user(BOB, Role.SERVICE)).paymentAdministration(), ErrorCode.FORBIDDEN);
    assertDenied(
        () -> system.as(Actor.anonymous("r", "t")).rebuild(tenant, Storage.RebuildProgress.NONE),
        ErrorCode.UNAUTHENTICATED);
    assertDenied(() -> alice.expireDue(tenant, 10), ErrorCode.FORBIDDEN);

    assertThat(system.as(user(BOB, Role.ADMIN)).eventStats(tenant).totalEvents()).isEqualTo(1);
    assertThat(system.as(Actor.unchecked("r", "t")).rebuild(tenant, Storage.RebuildProgress.NONE))
        .isEqualTo(1);
    assertThat(system.paymentAdministration().unsettled(tenant)).isEmpty();
  }

  @Test
  void a_user_whose_subject_is_no_user_id_owns_nothing() {
    ReservationService odd = system.as(user("service-account-x"));

    assertThat(odd.list(tenant, null, null, 100, 0)).isEmpty();
    assertThat(odd.byId(tenant, bobsId)).isEmpty();
    assertDenied(() -> odd.byUser(tenant, BOB, true), ErrorCode.FORBIDDEN);
  }

  @Test
  void hostile_text_cannot_make_an_actor() {
    assertThatThrownBy(() -> user("x\ud800"))
        .isInstanceOfSatisfying(
            ReservationException.InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("subject"));
    assertThatThrownBy(() -> Actor.user(ALICE, Set.of(), "id\u0000", "test"))
        .isInstanceOfSatisfying(
            ReservationException.InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("requestId"));
    assertThatThrownBy(() -> user("x".repeat(256)))
        .isInstanceOf(ReservationException.InvalidInput.class);
    assertThatThrownBy(() -> user(" ")).isInstanceOf(ReservationException.InvalidInput.class);
  }
}
