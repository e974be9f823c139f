package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.instant;
import static com.parkora.reservation.jdbc.SqlValues.text;
import static com.parkora.reservation.jdbc.SqlValues.textArray;
import static com.parkora.reservation.jdbc.SqlValues.uuid;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage.RebuildProgress;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Replays one tenant's events into its read model inside the caller's transaction: deletes its
 * rows, streams its events by position through a server-side cursor, and writes each batch with
 * set-based statements over arrays (deletes, updates) and a {@code COPY} (new rows) into a
 * temporary table that has only a primary key, so the many updates of a replay touch no other
 * index. One final insert moves the rows into {@code reservations}, where the exclusion constraint
 * checks the rebuilt model. Memory holds one batch, whatever the size of the log.
 */
final class TenantRebuild {

  static final int BATCH_EVENTS = 10_000;

  private static final String EVENTS =
      """
      SELECT aggregate_id, event_type, data::text AS data, created_at
      FROM event_store WHERE tenant_id = :tenant ORDER BY position
      """;
  private static final String STAGING =
      """
      CREATE TEMPORARY TABLE rebuild_rows (LIKE reservations INCLUDING DEFAULTS, PRIMARY KEY (id))
      WITH (fillfactor = 70) ON COMMIT DROP
      """;
  private static final String DELETE =
      "DELETE FROM rebuild_rows WHERE id = ANY(CAST(:ids AS uuid[]))";
  private static final String UPDATE =
      """
      UPDATE rebuild_rows r
      SET status = coalesce(u.status, r.status),
          transaction_id = coalesce(u.transaction_id, r.transaction_id),
          updated_at = CAST(u.updated_at AS timestamptz)
      FROM unnest(:ids, :statuses, :transactions, :updated)
        AS u(id, status, transaction_id, updated_at)
      WHERE r.id = CAST(u.id AS uuid)
      """;

  /**
   * In the exclusion index's order: filled spot by spot, the index stays in cache, which took 8%
   * off the insert of 160,000 rows that arrived in creation order.
   */
  private static final String PUBLISH =
      "INSERT INTO reservations (%1$s) SELECT %1$s FROM rebuild_rows ORDER BY parking_spot_id, start_time"
          .formatted(Rows.RESERVATION_COLUMNS);

  /**
   * Row security withholds the constraint's key from the tenant role, so the spot cannot be named.
   */
  static final String REPLAYED_SPOT = "of a replayed reservation";

  private final Session session;
  private final EventCodec codec;
  private final Projector projector;
  private final FoldedWrites batch = new FoldedWrites();
  private final StagingCopy staging = new StagingCopy("rebuild_rows");
  private long processed;

  TenantRebuild(Session session, EventCodec codec, Projector projector) {
    this.session = session;
    this.codec = codec;
    this.projector = projector;
  }

  /** Writes every {@code batchEvents} events, and tells {@code progress} after each write. */
  long run(RebuildProgress progress, int batchEvents) {
    session
        .handle()
        .createUpdate("DELETE FROM reservations WHERE tenant_id = :tenant")
        .bind("tenant", session.tenant().value())
        .execute();
    session.handle().execute(STAGING);
    session
        .handle()
        .createQuery(EVENTS)
        .bind("tenant", session.tenant().value())
        .setFetchSize(PgEventLog.STREAM_FETCH_SIZE)
        .map(
            (rs, ctx) ->
                codec.decode(
                    rs.getString("event_type"),
                    rs.getString("data"),
                    uuid(rs, "aggregate_id"),
                    session.tenant(),
                    instant(rs, "created_at")))
        .useStream(events -> events.forEach(event -> replay(event, progress, batchEvents)));
    flush();
    publish();
    progress.eventsProcessed(processed);
    return processed;
  }

  private void publish() {
    try {
      session.handle().execute(PUBLISH);
    } catch (StatementException e) {
      throw asSlotUnavailable(e);
    }
  }

  private static RuntimeException asSlotUnavailable(StatementException e) {
    if (SqlFailures.hasState(e, SqlFailures.EXCLUSION_VIOLATION)) {
      return new ReservationException.SlotUnavailable(REPLAYED_SPOT, List.of());
    }
    return e;
  }

  private void replay(ReservationEvent event, RebuildProgress progress, int batchEvents) {
    batch.add(projector.project(event));
    processed++;
    if (processed % batchEvents == 0) {
      flush();
      progress.eventsProcessed(processed);
    }
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    writeDeletes(batch.deletes());
    writeUpdates(batch.updates());
    writeInserts(batch.inserts());
    batch.clear();
  }

  private void writeDeletes(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    session
        .handle()
        .createUpdate(DELETE)
        .bind("ids", textArray(column(ids, UUID::toString)))
        .execute();
  }

  private void writeUpdates(Collection<ReadModelWrite.Update> updates) {
    if (updates.isEmpty()) {
      return;
    }
    session
        .handle()
        .createUpdate(UPDATE)
        .bind("ids", textArray(column(updates, u -> u.id().toString())))
        .bind(
            "statuses",
            textArray(column(updates, u -> u.status() == null ? null : u.status().name())))
        .bind("transactions", textArray(column(updates, ReadModelWrite.Update::transactionId)))
        .bind("updated", textArray(column(updates, u -> text(u.updatedAt()))))
        .execute();
  }

  private void writeInserts(Collection<ReservationView> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      staging.write(session.handle().getConnection(), session.tenant(), rows);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  private static <T> List<String> column(Collection<T> items, Function<T, String> value) {
    return items.stream().map(value).toList();
  }
}
