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

  /** The status right after this event, or null when it keeps its status ({@link EventType}). */
  default ReservationStatus resultingStatus() {
    return EventType.of(this).resultingStatus();
  }

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
  }

  /** Confirmed by a caller (the payment service, an operator), optionally naming a payment. */
  record ReservationConfirmed(UUID reservationId, String transactionId, Instant occurredAt)
      implements ReservationEvent {}

  record ReservationCancelled(
      UUID reservationId, String reason, String refundId, Instant occurredAt)
      implements ReservationEvent {}

  record ReservationCompleted(UUID reservationId, Instant occurredAt) implements ReservationEvent {}

  record ReservationExpired(UUID reservationId, Instant occurredAt) implements ReservationEvent {}

  /** The payment service charged the reservation; it is confirmed with that transaction. */
  record PaymentProcessed(UUID reservationId, String transactionId, Instant occurredAt)
      implements ReservationEvent {}

  /** A payment attempt failed; the reservation stays PENDING and may be paid again. */
  record PaymentFailed(UUID reservationId, String errorCode, String message, Instant occurredAt)
      implements ReservationEvent {}

  /** Removed on request; the stream stays as the audit trail, the read model drops the row. */
  record ReservationDeleted(UUID reservationId, Instant occurredAt) implements ReservationEvent {}

  /** The right to charge, taken before the payment service is called (one open attempt). */
  record PaymentClaimed(UUID reservationId, UUID attemptId, BigDecimal amount, Instant occurredAt)
      implements ReservationEvent {}

  /** The attempt ended with nothing charged; the reservation may be paid again. */
  record PaymentReleased(UUID reservationId, UUID attemptId, String reason, Instant occurredAt)
      implements ReservationEvent {}

  /** The request left, no answer came back: no new charge until the attempt is settled. */
  record PaymentOutcomeUnknown(
      UUID reservationId, UUID attemptId, String reason, Instant occurredAt)
      implements ReservationEvent {}

  /** An unknown outcome resolved; {@code transactionId} null: nothing was charged. */
  record PaymentSettled(
      UUID reservationId, UUID attemptId, String transactionId, String source, Instant occurredAt)
      implements ReservationEvent {}

  /** A charge is owed back; {@code attemptId} names the attempt that charged too late, if any. */
  record RefundRequested(
      UUID reservationId,
      String transactionId,
      BigDecimal amount,
      String reason,
      UUID attemptId,
      Instant occurredAt)
      implements ReservationEvent {}

  /** One refund attempt failed or could not be sent; the worker tries again at the time given. */
  record RefundFailed(
      UUID reservationId,
      String transactionId,
      int attempt,
      String errorCode,
      String message,
      Instant nextAttemptAt,
      Instant occurredAt)
      implements ReservationEvent {}

  /**
   * The payment service refused the refund in a way another try cannot change ({@link
   * RefundRefusal}): no more tries; the refund waits for an operator.
   */
  record RefundRefused(
      UUID reservationId,
      String transactionId,
      int attempt,
      String errorCode,
      String message,
      Instant occurredAt)
      implements ReservationEvent {}

  /** The payment service refunded the transaction. */
  record RefundCompleted(
      UUID reservationId, String transactionId, String refundId, Instant occurredAt)
      implements ReservationEvent {}
}
