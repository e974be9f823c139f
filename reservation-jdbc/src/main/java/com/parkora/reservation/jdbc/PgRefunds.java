package com.parkora.reservation.jdbc;

import com.parkora.reservation.port.RefundWrite;
import com.parkora.reservation.port.WritableRefundQueue;

/**
 * Writes the projected refund events of a unit of work into {@code pending_refunds}, in the same
 * transaction and as the tenant: the queue is what the events say is owed.
 */
record PgRefunds(Session session) implements WritableRefundQueue {

  private static final String OWED =
      """
      INSERT INTO pending_refunds
        (tenant_id, transaction_id, reservation_id, amount, reason, next_attempt_at)
      VALUES (:tenant, :txn, :reservation, :amount, :reason, :at)
      ON CONFLICT (tenant_id, transaction_id) DO NOTHING
      """;
  private static final String RETRY =
      """
      UPDATE pending_refunds
      SET next_attempt_at = :next, leased_until = NULL, last_error = :error,
          attempts = GREATEST(attempts, :attempt), refused_at = NULL
      WHERE tenant_id = :tenant AND transaction_id = :txn
      """;
  private static final String REFUSED =
      """
      UPDATE pending_refunds
      SET refused_at = :at, leased_until = NULL, last_error = :error,
          attempts = GREATEST(attempts, :attempt)
      WHERE tenant_id = :tenant AND transaction_id = :txn
      """;
  private static final String SETTLED =
      """
      DELETE FROM pending_refunds WHERE tenant_id = :tenant AND transaction_id = :txn
      """;

  @Override
  public void apply(RefundWrite write) {
    session.handle(); // the settings, unless sent already
    statement(write).update();
  }

  /** The statement of {@code write}, to be sent through {@link Session#together}. */
  JdbcStatement statement(RefundWrite write) {
    return switch (write) {
      case RefundWrite.Owed o ->
          statement(OWED, o)
              .bind("reservation", o.reservationId())
              .bind("amount", o.amount())
              .bind("reason", o.reason())
              .bind("at", o.dueAt());
      case RefundWrite.Retry r ->
          statement(RETRY, r)
              .bind("next", r.nextAttemptAt())
              .bind("error", r.error())
              .bind("attempt", r.attempt());
      case RefundWrite.Refused r ->
          statement(REFUSED, r)
              .bind("at", r.refusedAt())
              .bind("error", r.error())
              .bind("attempt", r.attempt());
      case RefundWrite.Settled s -> statement(SETTLED, s);
    };
  }

  /** {@code sql} bound to the refund of this tenant that {@code write} names. */
  private JdbcStatement statement(String sql, RefundWrite write) {
    return session
        .part(sql)
        .bind("tenant", session.tenant().value())
        .bind("txn", write.transactionId());
  }
}
