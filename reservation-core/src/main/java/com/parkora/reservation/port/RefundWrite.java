package com.parkora.reservation.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a projected refund event does to the store's {@link RefundQueue}, made by {@link
 * Projector#refundWrite}: the one place that says which event opens a refund owed, moves it, holds
 * it for an operator or closes it.
 */
public sealed interface RefundWrite {

  /** The charge to refund; the queue keeps one refund per transaction of a tenant. */
  String transactionId();

  /** {@code REFUND_REQUESTED}: a refund is owed, due at once; one owed already stays as it is. */
  record Owed(
      UUID reservationId, String transactionId, BigDecimal amount, String reason, Instant dueAt)
      implements RefundWrite {}

  /**
   * {@code REFUND_FAILED}: due again at {@code nextAttemptAt}, no longer held for an operator;
   * {@code attempt} raises the count of attempts.
   */
  record Retry(String transactionId, int attempt, Instant nextAttemptAt, String error)
      implements RefundWrite {}

  /** {@code REFUND_REFUSED}: held for an operator, no longer due. */
  record Refused(String transactionId, int attempt, Instant refusedAt, String error)
      implements RefundWrite {}

  /** {@code REFUND_COMPLETED}: no longer owed. */
  record Settled(String transactionId) implements RefundWrite {}
}
