package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.RefundQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * {@code pending_refunds}, taken as the system role: due rows are locked {@code FOR UPDATE SKIP
 * LOCKED} and leased in one short statement, so two instances never take the same refund while a
 * lease runs, and the call to the payment service happens after the transaction ended.
 */
record PgRefundQueue(SystemTransactions transactions) implements RefundQueue {

  private static final String TAKE_DUE =
      """
      WITH due AS (
        SELECT tenant_id, transaction_id FROM pending_refunds
        WHERE next_attempt_at <= :now AND (leased_until IS NULL OR leased_until <= :now)
          AND refused_at IS NULL
        ORDER BY next_attempt_at
        LIMIT :limit
        FOR UPDATE SKIP LOCKED)
      UPDATE pending_refunds p SET leased_until = :leaseUntil, attempts = p.attempts + 1
      FROM due WHERE p.tenant_id = due.tenant_id AND p.transaction_id = due.transaction_id
      RETURNING p.tenant_id, p.reservation_id, p.transaction_id, p.amount, p.reason, p.attempts
      """;
  private static final String TAKE_ONE =
      """
      WITH one AS (
        SELECT tenant_id, transaction_id FROM pending_refunds
        WHERE tenant_id = :tenant AND transaction_id = :txn
          AND (leased_until IS NULL OR leased_until <= :now) AND refused_at IS NULL
        FOR UPDATE SKIP LOCKED)
      UPDATE pending_refunds p SET leased_until = :leaseUntil, attempts = p.attempts + 1
      FROM one WHERE p.tenant_id = one.tenant_id AND p.transaction_id = one.transaction_id
      RETURNING p.tenant_id, p.reservation_id, p.transaction_id, p.amount, p.reason, p.attempts
      """;
  private static final String OWED_FOR =
      """
      SELECT tenant_id, reservation_id, transaction_id, amount, reason, attempts
      FROM pending_refunds WHERE transaction_id = :txn
      """;
  private static final String PENDING =
      """
      SELECT count(*) FROM pending_refunds
      """;
  private static final String REFUSED =
      """
      SELECT reservation_id, transaction_id, amount, attempts, last_error, refused_at
      FROM pending_refunds
      WHERE tenant_id = :tenant AND refused_at IS NOT NULL
      ORDER BY refused_at, transaction_id
      """;
  private static final String REFUSED_COUNT =
      """
      SELECT count(*) FROM pending_refunds WHERE refused_at IS NOT NULL
      """;

  @Override
  public List<PendingRefund> takeDue(Instant now, Duration lease, int limit) {
    return transactions.query(
        TAKE_DUE, q -> leasing(q, now, lease).bind("limit", limit).map(Rows::refund).list());
  }

  @Override
  public Optional<PendingRefund> take(
      TenantId tenant, String transactionId, Instant now, Duration lease) {
    return transactions.query(
        TAKE_ONE,
        q ->
            leasing(q, now, lease)
                .bind("tenant", tenant.value())
                .bind("txn", transactionId)
                .map(Rows::refund)
                .findOne());
  }

  @Override
  public List<PendingRefund> owedFor(String transactionId) {
    return transactions.query(OWED_FOR, q -> q.bind("txn", transactionId).map(Rows::refund).list());
  }

  @Override
  public long pending() {
    return transactions.query(PENDING, q -> q.mapTo(Long.class).one());
  }

  @Override
  public List<RefusedRefund> refused(TenantId tenant) {
    return transactions.query(
        REFUSED, q -> q.bind("tenant", tenant.value()).map(Rows::refusedRefund).list());
  }

  @Override
  public long refusedCount() {
    return transactions.query(REFUSED_COUNT, q -> q.mapTo(Long.class).one());
  }

  /** A take at {@code now}, leasing what it takes for {@code lease}. */
  private static Query leasing(Query take, Instant now, Duration lease) {
    return take.bind("now", timestamp(now)).bind("leaseUntil", timestamp(now.plus(lease)));
  }
}
