package com.parkora.reservation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything that can happen to a reservation. Each event carries the instant it happened, so that
 * projections and replays never consult the clock.
 */
public sealed interface ReservationEvent {

  UUID reservationId();

  Instant occurredAt();

  /** The status the reservation has right after this event, or null when it keeps its status. */
  ReservationStatus resultingStatus();

  record ReservationCreated(
      UUID reservationId,
      TenantId tenantId,
      UUID userId,
      String parkingSpotId,
      Instant startTime,
      Instant endTime,
      int durationHours,
      BigDecimal totalCost,
      Instant occurredAt)
      implements ReservationEvent {

    public ReservationCreated {
      Objects.requireNonNull(reservationId, "reservationId");
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(parkingSpotId, "parkingSpotId");
      Objects.requireNonNull(startTime, "startTime");
      Objects.requireNonNull(endTime, "endTime");
      Objects.requireNonNull(totalCost, "totalCost");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.PENDING;
    }
  }

  /** Confirmed by a caller (the payment service, an operator), optionally naming a payment. */
  record ReservationConfirmed(UUID reservationId, String transactionId, Instant occurredAt)
      implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.CONFIRMED;
    }
  }

  record ReservationCancelled(
      UUID reservationId, String reason, String refundId, Instant occurredAt)
      implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.CANCELLED;
    }
  }

  record ReservationCompleted(UUID reservationId, Instant occurredAt) implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.COMPLETED;
    }
  }

  record ReservationExpired(UUID reservationId, Instant occurredAt) implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.EXPIRED;
    }
  }

  /** The payment service charged the reservation; it is confirmed with that transaction. */
  record PaymentProcessed(UUID reservationId, String transactionId, Instant occurredAt)
      implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return ReservationStatus.CONFIRMED;
    }
  }

  /** A payment attempt failed; the reservation stays PENDING and may be paid again. */
  record PaymentFailed(UUID reservationId, String errorCode, String message, Instant occurredAt)
      implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return null;
    }
  }

  /** Removed on request; the stream stays as the audit trail, the read model drops the row. */
  record ReservationDeleted(UUID reservationId, Instant occurredAt) implements ReservationEvent {
    @Override
    public ReservationStatus resultingStatus() {
      return null;
    }
  }
}
