package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.Recorder;
import com.parkora.reservation.port.RefundWrite;
import com.parkora.reservation.port.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementException;

/**
 * What a command records, sent in one round trip: the tenant's settings while they are pending, the
 * appends, then the read-model rows and refund-queue entries they project. A create is then two
 * round trips in all (this and the COMMIT) instead of four.
 *
 * <p>The appends come first, so their lock is held before any row is written, and a stream taken by
 * another command fails its append (a unique violation: CONFLICT) before any row is. An append
 * whose expected version is gone inserts nothing and the rows still run; the stream then answers
 * CONFLICT and the transaction rolls back. Should such a stale write also overlap an active
 * reservation, the store checks the stream's version before it answers SLOT_UNAVAILABLE ({@link
 * SlotTaken}).
 */
record PgRecorder(Session session, PgEventLog log, PgReadModel readModel, PgRefunds refunds)
    implements Recorder {

  @Override
  public List<StoredEvent> record(
      UUID aggregateId, long expectedVersion, List<NewEvent> events, Projection projection) {
    List<StoredEvent> toStore = log.toStore(aggregateId, expectedVersion, events);
    List<JdbcStatement> statements =
        new ArrayList<>(toStore.size() + projection.rows().size() + projection.refunds().size());
    for (StoredEvent event : toStore) {
      statements.add(log.appendStatement(event, event.version() - 1));
    }
    for (ReadModelWrite row : projection.rows()) {
      statements.add(readModel.statement(row));
    }
    for (RefundWrite refund : projection.refunds()) {
      statements.add(refunds.statement(refund));
    }
    List<List<Long>> positions;
    try {
      positions = session.together(statements, toStore.size(), PgEventLog.POSITION);
    } catch (StatementException e) {
      if (SqlFailures.hasState(e, SqlFailures.UNIQUE_VIOLATION)) {
        throw new ReservationException.Conflict(aggregateId, expectedVersion);
      }
      if (SqlFailures.hasState(e, SqlFailures.EXCLUSION_VIOLATION)) {
        throw new SlotTaken(overlapping(projection.rows()), e, aggregateId, expectedVersion);
      }
      throw e;
    }
    log.appended();
    List<StoredEvent> stored = new ArrayList<>(toStore.size());
    for (int i = 0; i < toStore.size(); i++) {
      if (positions.get(i).isEmpty()) {
        throw new ReservationException.Conflict(aggregateId, expectedVersion);
      }
      stored.add(PgEventLog.withPosition(toStore.get(i), positions.get(i).getFirst()));
    }
    return stored;
  }

  /**
   * The row write that met the exclusion constraint: the row inserted, else the first update (all
   * of one reservation); a delete cannot overlap.
   */
  private static ReadModelWrite overlapping(List<ReadModelWrite> rows) {
    return rows.stream()
        .filter(ReadModelWrite.Insert.class::isInstance)
        .findFirst()
        .or(() -> rows.stream().filter(ReadModelWrite.Update.class::isInstance).findFirst())
        .orElse(rows.getFirst());
  }
}
