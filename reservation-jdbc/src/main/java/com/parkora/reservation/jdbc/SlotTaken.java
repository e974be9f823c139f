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

  SlotTaken(ReadModelWrite write, Throwable cause) {
    super("exclusion constraint violated", cause, false, false);
    this.write = write;
  }

  ReadModelWrite write() {
    return write;
  }

  /** SLOT_UNAVAILABLE with the reservations now holding the slot, looked up afresh. */
  ReservationException slotUnavailable(Storage storage, TenantId tenant) {
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
