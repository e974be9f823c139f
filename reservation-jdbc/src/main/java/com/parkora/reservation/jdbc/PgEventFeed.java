package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * Every tenant's events by {@code (transaction_id, position)}, read as the system role. Only events
 * of transactions older than the oldest one still running are returned: a transaction that commits
 * late can only have an id at or above that horizon, so it lands after what was already read.
 */
record PgEventFeed(SystemTransactions transactions, Rows rows) implements EventFeed {

  /** After a position and below the oldest transaction still running: no gap, ever. */
  private static final String READ =
      """
      SELECT id, aggregate_id, tenant_id, version, position, event_type, data::text AS data,
             event_metadata::text AS event_metadata, created_at,
             transaction_id::text::bigint AS transaction_id
      FROM event_store
      WHERE (transaction_id, position) > (CAST(CAST(:txid AS text) AS xid8), :position)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY transaction_id, position LIMIT :limit
      """;

  /** {@link #READ}, of one tenant. */
  private static final String READ_TENANT =
      """
      SELECT id, aggregate_id, tenant_id, version, position, event_type, data::text AS data,
             event_metadata::text AS event_metadata, created_at,
             transaction_id::text::bigint AS transaction_id
      FROM event_store
      WHERE (transaction_id, position) > (CAST(CAST(:txid AS text) AS xid8), :position)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AND tenant_id = :tenant
      ORDER BY transaction_id, position LIMIT :limit
      """;

  private static final String COUNT_AFTER =
      """
      SELECT count(*) FROM event_store
      WHERE (transaction_id, position) > (CAST(CAST(:txid AS text) AS xid8), :position)
      """;

  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit, Optional<TenantId> tenant) {
    return transactions.query(
        tenant.isPresent() ? READ_TENANT : READ,
        query -> {
          after(query, after).bind("limit", limit);
          tenant.ifPresent(t -> query.bind("tenant", t.value()));
          return query.map(rows.feedEvent()).list();
        });
  }

  @Override
  public long countAfter(FeedPosition after) {
    return transactions.query(COUNT_AFTER, query -> after(query, after).mapTo(Long.class).one());
  }

  private static Query after(Query query, FeedPosition after) {
    return query.bind("txid", after.transactionId()).bind("position", after.position());
  }
}
