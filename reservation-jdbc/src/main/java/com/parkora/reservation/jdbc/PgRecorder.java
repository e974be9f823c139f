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
 * What a command records, sent in one execution: the appends, then the read-model rows and
 * refund-queue entries they project. They are {@linkplain Session#defer deferred} to the unit of
 * work's next round trip: behind the tenant's settings when nothing was read before, and with the
 * COMMIT when nothing follows. A create is then one round trip in all, a cancel two (the stream's
 * load, then the writes with the COMMIT).
 *
 * <p>The appends come first, so their lock is held before any row is written; an append that finds
 * the stream moved on fails (its version taken, or the expected one missing), and with it the whole
 * execution, so nothing after it is kept, not even with the COMMIT in the same round trip.
 */
record PgRecorder(Session session, PgEventLog log, PgReadModel readModel, PgRefunds refunds)
    implements Recorder {

  @Override
  public void record(
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
    session.defer(
        new Session.Deferred(
            statements,
            failure -> {
              if (SqlFailures.hasState(failure, SqlFailures.EXCLUSION_VIOLATION)) {
                return new SlotTaken(overlapping(projection.rows()), failure);
              }
              return conflictOr(failure, aggregateId, expectedVersion);
            }));
    log.appended();
  }

  /**
   * CONFLICT when an append of stream {@code aggregateId} at {@code expectedVersion} failed because
   * the stream moved on (the next version taken, or the expected one missing); else {@code failure}
   * as it is.
   */
  static RuntimeException conflictOr(
      StatementException failure, UUID aggregateId, long expectedVersion) {
    if (SqlFailures.hasState(failure, SqlFailures.UNIQUE_VIOLATION)
        || SqlFailures.isVersionMissing(failure)) {
      return new ReservationException.Conflict(aggregateId, expectedVersion);
    }
    return failure;
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
