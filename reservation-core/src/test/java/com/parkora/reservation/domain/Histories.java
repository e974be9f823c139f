package com.parkora.reservation.domain;

import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reservations given by their events, for the tests of decisions. */
final class Histories {

  private Histories() {}

  /**
   * Reservation {@code id} after its creation at {@code bookedAt} (spot A-1, for the hour that
   * starts an hour later, 3.00) and then {@code history}.
   */
  static Reservation given(
      UUID id, TenantId tenant, Instant bookedAt, ReservationEvent... history) {
    List<ReservationEvent> events = new ArrayList<>();
    events.add(
        new ReservationCreated(
            id,
            tenant,
            UUID.randomUUID(),
            "A-1",
            bookedAt.plusSeconds(3600),
            bookedAt.plusSeconds(7200),
            1,
            new BigDecimal("3.00"),
            bookedAt));
    events.addAll(List.of(history));
    return Reservation.replay(events);
  }
}
