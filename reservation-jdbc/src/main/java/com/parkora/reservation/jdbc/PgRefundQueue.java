package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.RefundQueue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code pending_refunds}, taken as the system role: due rows are locked {@code FOR UPDATE SKIP
 * LOCKED} and leased in one short statement, so two instances never take the same refund while a
 * lease runs, and the call to the payment service happens after the transaction ended.
 */
final class PgRefundQueue implements RefundQueue {

  private static final String COLUMNS =
      "p.tenant_id, p.reservation_id, p.transaction_id, p.amount, p.reason, p.attempts";
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
      RETURNING\s"""
          + COLUMNS;
  private static final String TAKE_ONE =
      """
      WITH one AS (
        SELECT tenant_id, transaction_id FROM pending_refunds
        WHERE tenant_id = :tenant AND transaction_id = :txn
          AND (leased_until IS NULL OR leased_until <= :now) AND refused_at IS NULL
        FOR UPDATE SKIP LOCKED)
      UPDATE pending_refunds p SET leased_until = :leaseUntil, attempts = p.attempts + 1
      FROM one WHERE p.tenant_id = one.tenant_id AND p.transaction_id = one.transaction_id
      RETURNING\s"""
          + COLUMNS;

  private final SystemTransactions transactions;

  PgRefundQueue(SystemTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<PendingRefund> takeDue(Instant now, Duration lease, int limit) {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery(TAKE_DUE)
                .bind("now", timestamp(now))
                .bind("leaseUntil", timestamp(now.plus(lease)))
                .bind("limit", limit)
                .map((rs, ctx) -> refund(rs))
                .list());
  }

  @Override
  public Optional<PendingRefund> take(
      TenantId tenant, String transactionId, Instant now, Duration lease) {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery(TAKE_ONE)
                .bind("tenant", tenant.value())
                .bind("txn", transactionId)
                .bind("now", timestamp(now))
                .bind("leaseUntil", timestamp(now.plus(lease)))
                .map((rs, ctx) -> refund(rs))
                .findOne());
  }

  @Override
  public List<PendingRefund> owedFor(String transactionId) {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery(
                    "SELECT " + COLUMNS + " FROM pending_refunds p WHERE transaction_id = :txn")
                .bind("txn", transactionId)
                .map((rs, ctx) -> refund(rs))
                .list());
  }

  @Override
  public long pending() {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery("SELECT count(*) FROM pending_refunds")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<RefusedRefund> refused(TenantId tenant) {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery(
                    """
                    SELECT reservation_id, transaction_id, amount, attempts, last_error, refused_at
                    FROM pending_refunds
                    WHERE tenant_id = :tenant AND refused_at IS NOT NULL
                    ORDER BY refused_at, transaction_id""")
                .bind("tenant", tenant.value())
                .map(
                    (rs, ctx) ->
                        new RefusedRefund(
                            rs.getObject("reservation_id", UUID.class),
                            rs.getString("transaction_id"),
                            rs.getBigDecimal("amount"),
                            rs.getInt("attempts"),
                            rs.getString("last_error"),
                            SqlValues.instant(rs, "refused_at")))
                .list());
  }

  @Override
  public long refusedCount() {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery("SELECT count(*) FROM pending_refunds WHERE refused_at IS NOT NULL")
                .mapTo(Long.class)
                .one());
  }

  private static PendingRefund refund(ResultSet rs) throws SQLException {
    return new PendingRefund(
        new TenantId(rs.getObject("tenant_id", UUID.class)),
        rs.getObject("reservation_id", UUID.class),
        rs.getString("transaction_id"),
        rs.getBigDecimal("amount"),
        rs.getString("reason"),
        rs.getInt("attempts"));
  }
}
