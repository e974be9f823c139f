package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every tenant's events by {@code (transaction_id, position)}, read as the system role. Only events
 * of transactions older than the oldest one still running are returned: a transaction that commits
 * late can only have an id at or above that horizon, so it lands after what was already read.
 */
final class PgEventFeed implements EventFeed {

  /** After a position and below the oldest transaction still running: no gap, ever. */
  private static final String READ =
      """
      SELECT %s FROM event_store
      WHERE (transaction_id, position) > (CAST(CAST(:txid AS text) AS xid8), :position)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      """
          .formatted(Rows.FEED_COLUMNS);

  private final SystemTransactions transactions;
  private final Rows rows;

  PgEventFeed(SystemTransactions transactions, Rows rows) {
    this.transactions = transactions;
    this.rows = rows;
  }

  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit, Optional<TenantId> tenant) {
    String sql =
        READ
            + (tenant.isPresent() ? "  AND tenant_id = :tenant\n" : "")
            + "ORDER BY transaction_id, position LIMIT :limit";
    return inSystem(
        session -> {
          var query =
              session
                  .handle()
                  .createQuery(sql)
                  .bind("txid", after.transactionId())
                  .bind("position", after.position())
                  .bind("limit", limit);
          tenant.ifPresent(t -> query.bind("tenant", t.value()));
          return query.map(rows.feedEvent()).list();
        });
  }

  @Override
  public long countAfter(FeedPosition after) {
    return inSystem(
        session ->
            session
                .handle()
                .createQuery(
                    """
                    SELECT count(*) FROM event_store
                    WHERE (transaction_id, position) > (CAST(CAST(:txid AS text) AS xid8), :position)
                    """)
                .bind("txid", after.transactionId())
                .bind("position", after.position())
                .mapTo(Long.class)
                .one());
  }

  private <T> T inSystem(Function<Session, T> work) {
    return transactions.inSystem(work);
  }
}
