package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationStatus;
import java.time.Instant;
import java.util.UUID;

/** What a projected event does to the read model. */
public sealed interface ReadModelWrite {

  UUID id();

  /** A new row. Must fail with SLOT_UNAVAILABLE when it overlaps an active row of the same spot. */
  record Insert(ReservationView row) implements ReadModelWrite {
    @Override
    public UUID id() {
      return row.id();
    }
  }

  /**
   * Changes a row: {@code status} and {@code transactionId} when not null, {@code updatedAt}
   * always.
   */
  record Update(UUID id, ReservationStatus status, String transactionId, Instant updatedAt)
      implements ReadModelWrite {}

  record Delete(UUID id) implements ReadModelWrite {}
}
