package com.parkora.reservation.jdbc;

import com.parkora.reservation.port.ReadModelWrite;

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
}
