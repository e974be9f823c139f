package com.parkora.reservation.contract;

import static com.parkora.reservation.contract.Fixtures.T0;
import static com.parkora.reservation.contract.Fixtures.created;
import static com.parkora.reservation.contract.Fixtures.newEvent;
import static com.parkora.reservation.contract.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.EventImport;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.testing.Polling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} must do. An implementation proves itself with a subclass that answers
 * {@link #newStorage()}; the tests use fresh tenants, so a storage may be shared between them.
 */
public abstract class StorageContract {

  private static final Projector PROJECTOR = new Projector();
  private static final EventCodec CODEC = new EventCodec();

  protected Storage storage;

  /** The storage under test; it may be shared by the tests of a class. */
  protected abstract Storage newStorage();

  @BeforeEach
  void openStorage() {
    storage = newStorage();
  }

  /** Appends and projects in one unit of work, as the service does. */
  protected void record(TenantId tenant, UUID id, long expected, ReservationEvent... events) {
    Fixtures.record(storage, tenant, id, expected, events);
  }

  private UUID book(TenantId tenant, String spot, Instant start, int hours) {
    return Fixtures.book(storage, tenant, spot, start, hours);
  }

  /** One hour of {@code spot} from {@code start}, booked by {@code user} at {@code bookedAt}. */
  private UUID book(TenantId tenant, UUID user, String spot, Instant start, Instant bookedAt) {
    UUID id = UUID.randomUUID();
    record(tenant, id, 0, created(tenant, id, user, spot, start, 1, bookedAt));
    return id;
  }

  private List<StoredEvent> stream(TenantId tenant, UUID id) {
    return storage.inTransaction(tenant, uow -> uow.events().load(id));
  }

  private List<ReservationView> rows(TenantId tenant) {
    return storage.inTransaction(tenant, Fixtures::allRows);
  }

  private Optional<ReservationView> row(TenantId tenant, UUID id) {
    return storage.inTransaction(tenant, uow -> uow.readModel().byId(id));
  }

  // ---- event store ----

  @Test
  void appended_events_get_versions_from_one_and_load_in_order() {
    TenantId tenant = newTenant();
    UUID id = UUID.randomUUID();
    record(tenant, id, 0, created(tenant, id, "A-1", T0, 2));
    record(
        tenant,
        id,
        1,
        new ReservationEvent.PaymentFailed(id, "CARD", "declined", T0.plusSeconds(5)),
        new ReservationEvent.ReservationConfirmed(id, "txn-1", T0.plusSeconds(10)));

    List<StoredEvent> stream = stream(tenant, id);
    assertThat(stream).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
    assertThat(stream)
        .extracting(StoredEvent::type)
        .containsExactly(
            EventType.RESERVATION_CREATED,
            EventType.PAYMENT_FAILED,
            EventType.RESERVATION_CONFIRMED);
    assertThat(stream.get(0).position()).isLessThan(stream.get(1).position());
    assertThat(stream.get(2).event())
        .isEqualTo(new ReservationEvent.ReservationConfirmed(id, "txn-1", T0.plusSeconds(10)));
    assertThat(stream.get(2).createdAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(stream.get(0).metadata()).containsEntry("source", "test");
  }

  @Test
  void a_stream_loads_up_to_an_instant() {
    TenantId tenant = newTenant();
    UUID id = UUID.randomUUID();
    record(tenant, id, 0, created(tenant, id, "A-1", T0, 2));
    record(tenant, id, 1, new ReservationEvent.ReservationConfirmed(id, null, T0.plusSeconds(60)));

    storage.inTransaction(
        tenant,
        uow -> {
          assertThat(uow.events().loadUpTo(id, T0.plusSeconds(59))).hasSize(1);
          assertThat(uow.events().loadUpTo(id, T0.plusSeconds(60))).hasSize(2);
          return null;
        });
  }

  @Test
  void appending_with_a_stale_version_is_a_conflict_and_writes_nothing() {
    TenantId tenant = newTenant();
    UUID id = book(tenant, "A-1", T0, 1);

    assertThatThrownBy(
            () -> record(tenant, id, 0, new ReservationEvent.ReservationCompleted(id, T0)))
        .isInstanceOf(ReservationException.Conflict.class);
    assertThat(stream(tenant, id)).hasSize(1);
    assertThat(row(tenant, id))
        .get()
        .extracting(ReservationView::status)
        .isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void a_new_stream_whose_id_another_tenant_holds_is_a_conflict() {
    TenantId owner = newTenant();
    TenantId other = newTenant();
    UUID id = book(owner, "A-1", T0, 1);

    assertThatThrownBy(() -> record(other, id, 0, created(other, id, "B-1", T0, 1)))
        .isInstanceOf(ReservationException.Conflict.class);
    assertThat(stream(other, id)).isEmpty();
  }

  @Test
  void a_failing_unit_of_work_leaves_no_trace() {
    TenantId tenant = newTenant();
    UUID id = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                storage.inTransaction(
                    tenant,
                    uow -> {
                      uow.record(id, 0, List.of(newEvent(created(tenant, id, "A-1", T0, 1))));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(stream(tenant, id)).isEmpty();
    assertThat(row(tenant, id)).isEmpty();
    assertThat(storage.eventCount(tenant)).isZero();
  }

  @Test
  void tenants_never_see_each_others_events_or_rows() {
    TenantId a = newTenant();
    TenantId b = newTenant();
    UUID ofA = book(a, "A-1", T0, 1);
    book(b, "A-1", T0, 1);

    storage.inTransaction(
        b,
        uow -> {
          assertThat(uow.events().load(ofA)).isEmpty();
          assertThat(uow.readModel().byId(ofA)).isEmpty();
          assertThat(uow.readModel().list(null, null, 100, 0))
              .hasSize(1)
              .allMatch(r -> r.tenantId().equals(b));
          assertThat(uow.readModel().bySpot("A-1", null, null)).hasSize(1);
          assertThat(uow.events().counts().totalEvents()).isEqualTo(1);
          assertThat(uow.readModel().statusCounts().total()).isEqualTo(1);
          List<StoredEvent> seen = new ArrayList<>();
          uow.events().forEach(seen::add);
          assertThat(seen).hasSize(1).allMatch(e -> e.tenantId().equals(b));
          return null;
        });
    assertThat(storage.tenants()).contains(a, b);
    assertThat(storage.eventCount(a)).isEqualTo(1);
  }

  // ---- no double booking ----

  @Test
  void an_overlapping_active_reservation_of_the_same_spot_is_slot_unavailable() {
    TenantId tenant = newTenant();
    UUID first = book(tenant, "A-1", T0, 2);
    UUID second = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                record(
                    tenant,
                    second,
                    0,
                    created(tenant, second, "A-1", T0.plus(Duration.ofHours(1)), 2)))
        .isInstanceOf(ReservationException.SlotUnavailable.class);
    assertThat(stream(tenant, second)).isEmpty();
    assertThat(row(tenant, first)).isPresent();
    assertThat(row(tenant, second)).isEmpty();
  }

  @Test
  void touching_ends_other_spots_and_other_tenants_do_not_conflict() {
    TenantId tenant = newTenant();
    book(tenant, "A-1", T0, 2);
    book(tenant, "A-1", T0.plus(Duration.ofHours(2)), 1);
    book(tenant, "A-2", T0, 2);
    book(newTenant(), "A-1", T0, 2);

    List<ReservationView> held =
        storage.inTransaction(tenant, uow -> uow.readModel().bySpot("A-1", null, null));
    assertThat(held).hasSize(2);
  }

  @Test
  void a_cancelled_reservation_frees_its_slot() {
    TenantId tenant = newTenant();
    UUID first = book(tenant, "A-1", T0, 2);
    record(tenant, first, 1, new ReservationEvent.ReservationCancelled(first, "plans", null, T0));

    UUID second = book(tenant, "A-1", T0, 2);
    assertThat(row(tenant, second)).isPresent();
  }

  // ---- read model queries ----

  @Test
  void list_is_newest_first_with_filters_and_paging() {
    TenantId tenant = newTenant();
    List<UUID> ids = new ArrayList<>();
    UUID user = UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      UUID by = i % 2 == 0 ? user : UUID.randomUUID();
      ids.add(book(tenant, by, "S-" + i, T0, T0.plusSeconds(i)));
    }
    record(tenant, ids.get(1), 1, new ReservationEvent.ReservationConfirmed(ids.get(1), "t", T0));

    storage.inTransaction(
        tenant,
        uow -> {
          var model = uow.readModel();
          assertThat(model.list(null, null, 100, 0))
              .extracting(ReservationView::id)
              .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
          assertThat(model.list(null, null, 2, 1))
              .extracting(ReservationView::id)
              .containsExactly(ids.get(3), ids.get(2));
          assertThat(model.list(ReservationStatus.CONFIRMED, null, 100, 0))
              .extracting(ReservationView::id)
              .containsExactly(ids.get(1));
          assertThat(model.list(null, user, 100, 0))
              .extracting(ReservationView::id)
              .containsExactly(ids.get(4), ids.get(2), ids.get(0));
          assertThat(model.list(null, null, 0, 0)).isEmpty();
          return null;
        });
  }

  @Test
  void ties_are_broken_by_id_in_the_order_postgresql_sorts_uuids() {
    TenantId tenant = newTenant();
    UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
    UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
    record(tenant, high, 0, created(tenant, high, "T-1", T0, 1));
    record(tenant, low, 0, created(tenant, low, "T-2", T0, 1));

    List<ReservationView> page =
        storage.inTransaction(tenant, uow -> uow.readModel().list(null, null, 10, 0));
    assertThat(page).extracting(ReservationView::id).containsExactly(low, high);
  }

  @Test
  void by_user_is_latest_start_first_and_active_only_unless_completed_are_included() {
    TenantId tenant = newTenant();
    UUID user = UUID.randomUUID();
    UUID early = book(tenant, user, "S-1", T0, T0);
    UUID late = book(tenant, user, "S-2", T0.plus(Duration.ofDays(1)), T0);
    UUID done = book(tenant, user, "S-3", T0.plus(Duration.ofDays(2)), T0);
    record(
        tenant,
        done,
        1,
        new ReservationEvent.ReservationConfirmed(done, "t", T0),
        new ReservationEvent.ReservationCompleted(done, T0.plusSeconds(1)));

    storage.inTransaction(
        tenant,
        uow -> {
          assertThat(uow.readModel().byUser(user, false))
              .extracting(ReservationView::id)
              .containsExactly(late, early);
          assertThat(uow.readModel().byUser(user, true))
              .extracting(ReservationView::id)
              .containsExactly(done, late, early);
          assertThat(uow.readModel().byUser(UUID.randomUUID(), true)).isEmpty();
          return null;
        });
  }

  @Test
  void by_spot_counts_only_active_reservations_overlapping_the_window() {
    TenantId tenant = newTenant();
    UUID morning = book(tenant, "A-1", T0, 2);
    UUID noon = book(tenant, "A-1", T0.plus(Duration.ofHours(4)), 2);
    UUID gone = book(tenant, "A-1", T0.plus(Duration.ofHours(8)), 2);
    record(tenant, gone, 1, new ReservationEvent.ReservationExpired(gone, T0));

    storage.inTransaction(
        tenant,
        uow -> {
          var model = uow.readModel();
          assertThat(model.bySpot("A-1", null, null))
              .extracting(ReservationView::id)
              .containsExactly(morning, noon);
          assertThat(model.bySpot("A-1", T0.plus(Duration.ofHours(2)), null))
              .extracting(ReservationView::id)
              .containsExactly(noon);
          assertThat(model.bySpot("A-1", null, T0.plus(Duration.ofHours(4))))
              .extracting(ReservationView::id)
              .containsExactly(morning);
          assertThat(
                  model.bySpot("A-1", T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(5))))
              .extracting(ReservationView::id)
              .containsExactly(morning, noon);
          assertThat(
                  model.bySpot("A-1", T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4))))
              .isEmpty();
          return null;
        });
  }

  @Test
  void counts_come_by_status_and_by_event_type_with_zeros_for_absent_types() {
    TenantId tenant = newTenant();
    UUID a = book(tenant, "A-1", T0, 1);
    UUID b = book(tenant, "A-2", T0, 1);
    book(tenant, "A-3", T0, 1);
    record(tenant, a, 1, new ReservationEvent.PaymentProcessed(a, "t-1", T0));
    record(tenant, b, 1, new ReservationEvent.ReservationCancelled(b, null, null, T0));

    StatusCounts statuses = storage.inTransaction(tenant, uow -> uow.readModel().statusCounts());
    assertThat(statuses.of(ReservationStatus.PENDING)).isEqualTo(1);
    assertThat(statuses.of(ReservationStatus.CONFIRMED)).isEqualTo(1);
    assertThat(statuses.of(ReservationStatus.CANCELLED)).isEqualTo(1);
    assertThat(statuses.of(ReservationStatus.COMPLETED)).isZero();
    assertThat(statuses.active()).isEqualTo(2);

    EventCounts events = storage.inTransaction(tenant, uow -> uow.events().counts());
    assertThat(events.totalEvents()).isEqualTo(5);
    assertThat(events.totalAggregates()).isEqualTo(3);
    assertThat(events.byType())
        .hasSize(EventType.values().length)
        .containsEntry(EventType.RESERVATION_CREATED, 3L)
        .containsEntry(EventType.PAYMENT_PROCESSED, 1L)
        .containsEntry(EventType.RESERVATION_CANCELLED, 1L)
        .containsEntry(EventType.RESERVATION_DELETED, 0L);
  }

  @Test
  void pending_due_finds_pending_rows_past_their_hold_or_their_end() {
    TenantId tenant = newTenant();
    UUID old = book(tenant, UUID.randomUUID(), "S-1", T0.plus(Duration.ofDays(1)), T0);
    // one-hour bookings made after the hold's bound, checked at T0 + 3660 s
    UUID ended = book(tenant, UUID.randomUUID(), "S-2", T0.plusSeconds(60), T0.plusSeconds(50));
    UUID started = book(tenant, UUID.randomUUID(), "S-3", T0.plusSeconds(3000), T0.plusSeconds(50));
    UUID fresh =
        book(tenant, UUID.randomUUID(), "S-4", T0.plus(Duration.ofDays(1)), T0.plusSeconds(50));

    List<UUID> due =
        storage.inTransaction(
            tenant,
            uow -> uow.readModel().pendingDue(T0.plusSeconds(10), T0.plusSeconds(3660), 10));
    assertThat(due).containsExactlyInAnyOrder(old, ended).doesNotContain(started, fresh);
  }

  @Test
  void an_update_changes_only_what_it_names() {
    TenantId tenant = newTenant();
    UUID id = book(tenant, "A-1", T0, 1);
    storage.inTransaction(
        tenant,
        uow -> {
          uow.record(
              id,
              1,
              List.of(
                  newEvent(new ReservationConfirmed(id, "t-9", T0.plusSeconds(1))),
                  newEvent(new PaymentFailed(id, "DECLINED", "no", T0.plusSeconds(2)))));
          return null;
        });
    ReservationView view = row(tenant, id).orElseThrow();
    assertThat(view.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(view.transactionId()).isEqualTo("t-9");
    assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(view.createdAt()).isEqualTo(T0);
  }

  // ---- import of message lines (a dump) ----

  @Test
  void an_import_stores_and_projects_every_line_and_adds_nothing_the_second_time()
      throws IOException {
    TenantId tenant = newTenant();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    String dump =
        lines(
            stored(tenant, a, 1, created(tenant, a, "I-1", T0, 1)),
            stored(tenant, a, 2, new ReservationConfirmed(a, "t-1", T0.plusSeconds(1))),
            stored(tenant, b, 1, created(tenant, b, "I-2", T0, 2)));

    EventImport.Result first = importLines(dump);
    EventImport.Result second = importLines(dump);

    assertThat(first).isEqualTo(new EventImport.Result(3, 0));
    assertThat(second).isEqualTo(new EventImport.Result(0, 3));
    assertThat(stream(tenant, a)).extracting(StoredEvent::version).containsExactly(1L, 2L);
    assertThat(row(tenant, a).orElseThrow().status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(row(tenant, a).orElseThrow().transactionId()).isEqualTo("t-1");
    assertThat(row(tenant, b).orElseThrow().status()).isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void an_import_that_double_books_names_its_lines_and_leaves_that_batch_out() throws IOException {
    TenantId tenant = newTenant();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    String dump =
        lines(
            stored(tenant, a, 1, created(tenant, a, "I-3", T0, 2)),
            stored(tenant, b, 1, created(tenant, b, "I-3", T0.plusSeconds(3600), 2)));

    assertThatThrownBy(() -> importLines(dump))
        .isInstanceOf(EventImport.Failed.class)
        .hasMessageStartingWith("lines 1-2: ")
        .hasMessageEndingWith("(0 events imported before it; importing again is safe)");
    assertThat(stream(tenant, a)).isEmpty();
    assertThat(rows(tenant)).isEmpty();
  }

  @Test
  void an_import_stops_at_a_line_that_is_not_an_event_before_writing_its_batch()
      throws IOException {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    UUID a = UUID.randomUUID();
    String dump =
        lines(stored(tenant, a, 1, created(tenant, a, "I-4", T0, 1)))
            + "\n"
            + CODEC
                .messageLine(stored(other, a, 1, created(other, a, "I-4", T0, 1)))
                .replace("RESERVATION_CREATED", "RESERVATION_BOOKED");

    assertThatThrownBy(() -> importLines(dump))
        .isInstanceOf(EventImport.Failed.class)
        .hasMessageStartingWith("line 3: unknown event type 'RESERVATION_BOOKED'");
    assertThat(row(tenant, a)).isEmpty();
  }

  private EventImport.Result importLines(String text) throws IOException {
    return new EventImport(storage, CODEC).run(new BufferedReader(new StringReader(text)));
  }

  private static StoredEvent stored(
      TenantId tenant, UUID id, long version, ReservationEvent event) {
    return new StoredEvent(
        UUID.randomUUID(), id, tenant, version, 0, event, Map.of(), event.occurredAt());
  }

  private static String lines(StoredEvent... events) {
    StringBuilder text = new StringBuilder();
    for (StoredEvent event : events) {
      text.append(CODEC.messageLine(event)).append('\n');
    }
    return text.toString();
  }

  // ---- import, feed, rebuild ----

  @Test
  void importing_an_event_twice_adds_it_once() {
    TenantId tenant = newTenant();
    UUID id = UUID.randomUUID();
    StoredEvent event =
        new StoredEvent(
            UUID.randomUUID(),
            id,
            tenant,
            1,
            0,
            created(tenant, id, "A-1", T0, 1),
            java.util.Map.of(),
            T0);

    boolean first = storage.inTransaction(tenant, uow -> uow.importEvent(event));
    boolean second = storage.inTransaction(tenant, uow -> uow.importEvent(event));
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    List<StoredEvent> stream = stream(tenant, id);
    assertThat(stream)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventId()).isEqualTo(event.eventId());
              assertThat(e.createdAt()).isEqualTo(T0);
              assertThat(e.event()).isEqualTo(event.event());
            });
  }

  @Test
  void the_feed_delivers_every_event_once_in_commit_order_and_resumes_after_a_position()
      throws InterruptedException {
    TenantId tenant = newTenant();
    UUID a = book(tenant, "A-1", T0, 1);
    UUID b = book(tenant, "A-2", T0, 1);
    record(tenant, a, 1, new ReservationEvent.ReservationConfirmed(a, null, T0));

    List<FeedEvent> all = awaitFeed(tenant, 3);
    assertThat(all).extracting(f -> f.event().aggregateId()).containsExactly(a, b, a);
    assertThat(all).extracting(FeedEvent::feedPosition).isSorted();

    List<FeedEvent> rest =
        storage.feed().readAfter(all.get(0).feedPosition(), 100, Optional.of(tenant));
    assertThat(rest)
        .extracting(f -> f.event().eventId())
        .containsExactly(all.get(1).event().eventId(), all.get(2).event().eventId());
    assertThat(storage.feed().readAfter(all.get(2).feedPosition(), 100, Optional.of(tenant)))
        .isEmpty();
    assertThat(storage.feed().readAfter(FeedPosition.START, 2, Optional.of(tenant))).hasSize(2);
  }

  @Test
  void a_rebuild_restores_the_read_model_from_events_alone() {
    TenantId tenant = newTenant();
    TenantId bystander = newTenant();
    UUID kept = book(tenant, "A-1", T0, 1);
    UUID deleted = book(tenant, "A-2", T0, 1);
    record(tenant, kept, 1, new ReservationEvent.PaymentProcessed(kept, "t-1", T0.plusSeconds(3)));
    record(tenant, deleted, 1, new ReservationEvent.ReservationDeleted(deleted, T0.plusSeconds(4)));
    UUID other = book(bystander, "A-1", T0, 1);
    List<ReservationView> live = rows(tenant);
    storage.rebuild(tenant, skewedFor(kept), Storage.RebuildProgress.NONE);
    assertThat(rows(tenant)).isNotEqualTo(live);

    long replayed = storage.rebuild(tenant, PROJECTOR, Storage.RebuildProgress.NONE);

    assertThat(replayed).isEqualTo(4);
    assertThat(rows(tenant)).isEqualTo(live);
    assertThat(row(bystander, other)).isPresent();
  }

  /** A projector with a bug: it writes a payment of {@code id} as a cancellation. */
  private static Projector skewedFor(UUID id) {
    return new Projector() {
      @Override
      public ReadModelWrite project(ReservationEvent event) {
        if (event instanceof ReservationEvent.PaymentProcessed
            && event.reservationId().equals(id)) {
          return new ReadModelWrite.Update(
              id, ReservationStatus.CANCELLED, "x", T0.plusSeconds(99));
        }
        return super.project(event);
      }
    };
  }

  /**
   * The tenant's feed once it holds {@code count} events. A gap-free feed may hold committed events
   * back while any older transaction on the server is open (another test's, another database's), so
   * it is polled.
   */
  private List<FeedEvent> awaitFeed(TenantId tenant, int count) {
    return Polling.await("the tenant's feed to hold " + count + " events")
        .until(
            () -> storage.feed().readAfter(FeedPosition.START, 100, Optional.of(tenant)),
            events -> events.size() >= count);
  }
}
