package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database itself refuses double bookings, whoever skips the check before writing. */
class ExclusionConstraintTest {

  private static final Instant START = Instant.parse("2027-05-01T10:00:00Z");
  private static final Projector PROJECTOR = new Projector();

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("exclusion");

  private static UUID writeWithoutChecking(TenantId tenant, String spot, Instant start) {
    UUID id = UUID.randomUUID();
    Fixtures.record(db.storage(), tenant, id, 0, Fixtures.created(tenant, id, spot, start, 2));
    return id;
  }

  @Test
  void an_overlapping_active_row_is_refused_naming_the_reservation_that_holds_the_slot() {
    TenantId tenant = Fixtures.newTenant();
    UUID holder = writeWithoutChecking(tenant, "X-1", START);

    assertThatThrownBy(() -> writeWithoutChecking(tenant, "X-1", START.plusSeconds(3600)))
        .isInstanceOfSatisfying(
            ReservationException.SlotUnavailable.class,
            e -> {
              assertThat(e.conflicts()).containsExactly(holder);
              assertThat(e.getMessage()).contains("X-1").doesNotContain("INSERT", "tstzrange");
            });
    EventCounts counts = db.storage().inTransaction(tenant, uow -> uow.events().counts());
    assertThat(counts.totalEvents()).as("the refused event was rolled back").isEqualTo(1);
  }

  @Test
  void touching_intervals_and_other_tenants_do_not_conflict() {
    TenantId tenant = Fixtures.newTenant();
    TenantId other = Fixtures.newTenant();
    UUID morning = writeWithoutChecking(tenant, "X-2", START);
    UUID touching = writeWithoutChecking(tenant, "X-2", START.plusSeconds(7200));
    UUID ofOther = writeWithoutChecking(other, "X-2", START);

    assertThat(activeOnSpot(tenant, "X-2")).containsExactly(morning, touching);
    assertThat(activeOnSpot(other, "X-2")).containsExactly(ofOther);
  }

  private static List<UUID> activeOnSpot(TenantId tenant, String spot) {
    return db.storage()
        .inTransaction(
            tenant,
            uow ->
                uow.readModel().bySpot(spot, null, null).stream()
                    .map(ReservationView::id)
                    .toList());
  }

  @Test
  void
      a_write_sent_with_an_append_at_a_version_the_stream_lacks_answers_conflict_not_the_overlap() {
    TenantId tenant = Fixtures.newTenant();
    UUID cancelled = writeWithoutChecking(tenant, "X-4", START);
    Fixtures.record(
        db.storage(),
        tenant,
        cancelled,
        1,
        new ReservationEvent.ReservationCancelled(cancelled, "plans", null, START));
    writeWithoutChecking(tenant, "X-4", START);
    ReservationEvent confirmed =
        new ReservationEvent.ReservationConfirmed(cancelled, "txn-4", START);

    // no version 5: the append fails before the row's update, which would meet the holder
    assertThatThrownBy(() -> Fixtures.record(db.storage(), tenant, cancelled, 5, confirmed))
        .isInstanceOf(ReservationException.Conflict.class);
    List<StoredEvent> stream =
        db.storage().inTransaction(tenant, uow -> uow.events().load(cancelled));
    assertThat(stream).as("nothing of the refused write stays").hasSize(2);
  }

  @Test
  void a_rebuild_of_a_log_holding_a_double_booking_fails_with_slot_unavailable() {
    TenantId tenant = Fixtures.newTenant();
    UUID first = writeWithoutChecking(tenant, "X-3", START);
    try (Handle handle = db.jdbi().open()) {
      handle.execute(
          "INSERT INTO event_store (aggregate_id, aggregate_type, event_type, version,"
              + " data, tenant_id, created_at) SELECT gen_random_uuid(), aggregate_type, event_type, 1,"
              + " data, tenant_id, created_at FROM event_store WHERE aggregate_id = ?",
          first);
    }

    assertThatThrownBy(() -> db.storage().rebuild(tenant, PROJECTOR, Storage.RebuildProgress.NONE))
        .isInstanceOfSatisfying(
            ReservationException.SlotUnavailable.class,
            e -> assertThat(e.getMessage()).contains("replayed reservation"));
    long rows = db.storage().inTransaction(tenant, uow -> uow.readModel().statusCounts().total());
    assertThat(rows).as("the old model stays").isEqualTo(1);
  }
}
