package com.parkora.reservation.port;

import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of the read model ({@code reservations}). */
public record ReservationView(
    UUID id,
    TenantId tenantId,
    UUID userId,
    String parkingSpotId,
    Instant startTime,
    Instant endTime,
    int durationHours,
    BigDecimal totalCost,
    ReservationStatus status,
    String transactionId,
    Instant createdAt,
    Instant updatedAt) {

  /** The row a state folded from events would have (for point-in-time and history queries). */
  public static ReservationView of(Reservation state) {
    return new ReservationView(
        state.id(),
        state.tenantId(),
        state.userId(),
        state.parkingSpotId(),
        state.startTime(),
        state.endTime(),
        state.durationHours(),
        state.totalCost(),
        state.status(),
        state.transactionId(),
        state.createdAt(),
        state.updatedAt());
  }

  public ReservationView with(
      ReservationStatus newStatus, String newTransactionId, Instant newUpdatedAt) {
    return new ReservationView(
        id,
        tenantId,
        userId,
        parkingSpotId,
        startTime,
        endTime,
        durationHours,
        totalCost,
        newStatus,
        newTransactionId,
        createdAt,
        newUpdatedAt);
  }
}
