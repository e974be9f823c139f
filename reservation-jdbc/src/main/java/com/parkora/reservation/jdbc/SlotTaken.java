package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The exclusion constraint refused a write. Raised inside a unit of work, whose transaction is then
 * aborted; the storage rolls back, looks up the conflicting reservations and answers
 * SLOT_UNAVAILABLE.
 */
final class SlotTaken extends RuntimeException {

  private final transient ReadModelWrite write;
  private final UUID stream;
  private final long expectedVersion;

  SlotTaken(ReadModelWrite write, Throwable cause) {
    this(write, cause, null, 0);
  }

  /**
   * Raised by a write sent with the append of {@code stream} at {@code expectedVersion}, whose
   * failure the exclusion violation hides: the stream is checked before SLOT_UNAVAILABLE.
   */
  SlotTaken(ReadModelWrite write, Throwable cause, UUID stream, long expectedVersion) {
    super("exclusion constraint violated", cause, false, false);
    this.write = write;
    this.stream = stream;
    this.expectedVersion = expectedVersion;
  }

  ReadModelWrite write() {
    return write;
  }

  /**
   * SLOT_UNAVAILABLE with the reservations now holding the slot, looked up afresh; CONFLICT when
   * the write came with an append whose stream had moved on (the command then decides again).
   */
  ReservationException slotUnavailable(Storage storage, TenantId tenant) {
    if (stream != null
        && expectedVersion > 0
        && storage.inTransaction(tenant, uow -> uow.events().load(stream)).size()
            != expectedVersion) {
      return new ReservationException.Conflict(stream, expectedVersion);
    }
    Optional<ReservationView> row =
        write instanceof ReadModelWrite.Insert insert
            ? Optional.of(insert.row())
            : storage.read(tenant, reads -> reads.byId(write.id()));
    if (row.isEmpty()) {
      return new ReservationException.SlotUnavailable("of reservation " + write.id(), List.of());
    }
    ReservationView wanted = row.get();
    List<UUID> conflicts =
        storage.read(
            tenant,
            reads ->
                reads.bySpot(wanted.parkingSpotId(), wanted.startTime(), wanted.endTime()).stream()
                    .map(ReservationView::id)
                    .filter(id -> !id.equals(wanted.id()))
                    .toList());
    return new ReservationException.SlotUnavailable(wanted.parkingSpotId(), conflicts);
  }
}
