package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.WritableReadModel;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.statement.StatementException;

/**
 * The tenant's rows of {@code reservations}. Every query names the tenant as well as relying on row
 * security, so the planner sees a constant and uses the {@code (tenant_id, ...)} indexes.
 */
final class PgReadModel implements WritableReadModel {

  private static final String SELECT =
      "SELECT %s FROM reservations WHERE tenant_id = :tenant ".formatted(Rows.RESERVATION_COLUMNS);
  private static final String PENDING_DUE =
      """
      SELECT id FROM reservations
      WHERE tenant_id = :tenant AND status = 'PENDING'
        AND (created_at <= :created OR end_time <= :end)
      ORDER BY created_at, id LIMIT :limit
      """;
  private static final String INSERT =
      """
      INSERT INTO reservations (%s)
      VALUES (:id, :tenant, :user, :spot, :start, :end, :hours, :cost, :status,
              :transaction, :created, :updated)
      """
          .formatted(Rows.RESERVATION_COLUMNS);
  private static final String UPDATE =
      """
      UPDATE reservations
      SET status = coalesce(:status, status),
          transaction_id = coalesce(:transaction, transaction_id),
          updated_at = :updated
      WHERE tenant_id = :tenant AND id = :id
      """;
  private static final String ACTIVE = "status IN ('PENDING', 'CONFIRMED')";

  private final Session session;

  PgReadModel(Session session) {
    this.session = session;
  }

  /** The rows of a query of the tenant's reservations ({@code :tenant} bound). */
  private <T> List<T> rows(
      String sql, UnaryOperator<JdbcStatement> binder, JdbcStatement.RowReader<T> reader) {
    return session.rows(
        sql, query -> binder.apply(query.bind("tenant", session.tenant().value())), reader);
  }

  private List<ReservationView> reservations(String sql, UnaryOperator<JdbcStatement> binder) {
    return rows(sql, binder, Rows::reservation);
  }

  @Override
  public Optional<ReservationView> byId(UUID id) {
    return reservations(SELECT + "AND id = :id", q -> q.bind("id", id)).stream().findFirst();
  }

  @Override
  public List<ReservationView> list(ReservationStatus status, UUID userId, int limit, int offset) {
    String sql =
        SELECT
            + (status == null ? "" : "AND status = :status ")
            + (userId == null ? "" : "AND user_id = :user ")
            + "ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset";
    return reservations(
        sql,
        query -> {
          query.bind("limit", limit).bind("offset", offset);
          if (status != null) {
            query.bind("status", status.name());
          }
          if (userId != null) {
            query.bind("user", userId);
          }
          return query;
        });
  }

  @Override
  public List<ReservationView> byUser(UUID userId, boolean includeCompleted) {
    return reservations(
        SELECT
            + "AND user_id = :user "
            + (includeCompleted ? "" : "AND " + ACTIVE)
            + " ORDER BY start_time DESC, id",
        q -> q.bind("user", userId));
  }

  /**
   * Where the bounds make a non-empty range, the range test matches the exclusion constraint's GiST
   * index; the plain comparisons keep the port's semantics for any bounds.
   */
  @Override
  public List<ReservationView> bySpot(String parkingSpotId, Instant from, Instant to) {
    boolean rangeUsable = from == null || to == null || from.isBefore(to);
    String sql =
        SELECT
            + "AND parking_spot_id = :spot AND "
            + ACTIVE
            + (from == null ? "" : " AND end_time > :from")
            + (to == null ? "" : " AND start_time < :to")
            + (rangeUsable
                ? " AND tstzrange(start_time, end_time, '[)')"
                    + " && tstzrange(CAST(:from AS timestamptz), CAST(:to AS timestamptz), '[)')"
                : "")
            + " ORDER BY start_time, id";
    return reservations(sql, q -> q.bind("spot", parkingSpotId).bind("from", from).bind("to", to));
  }

  @Override
  public StatusCounts statusCounts() {
    Map<ReservationStatus, Long> counts = new EnumMap<>(ReservationStatus.class);
    rows(
            "SELECT status, count(*) AS n FROM reservations WHERE tenant_id = :tenant GROUP BY status",
            q -> q,
            rs -> Map.entry(rs.getString("status"), rs.getLong("n")))
        .forEach(e -> counts.put(ReservationStatus.valueOf(e.getKey()), e.getValue()));
    return new StatusCounts(counts);
  }

  @Override
  public List<UUID> pendingDue(Instant createdBefore, Instant endBefore, int limit) {
    return rows(
        PENDING_DUE,
        q -> q.bind("created", createdBefore).bind("end", endBefore).bind("limit", limit),
        rs -> SqlValues.uuid(rs, "id"));
  }

  @Override
  public void apply(ReadModelWrite write) {
    session.ensureWriteLocked();
    session.handle(); // the writes deferred before this one, and the settings, go first
    try {
      statement(write).update();
    } catch (StatementException e) {
      if (SqlFailures.hasState(e, SqlFailures.EXCLUSION_VIOLATION)) {
        throw new SlotTaken(write, e);
      }
      throw e;
    }
  }

  /**
   * The statement of {@code write}, to be sent through {@link Session#together} by a writer that
   * holds the tenant's lock; an overlap fails it with an exclusion violation.
   */
  JdbcStatement statement(ReadModelWrite write) {
    return switch (write) {
      case ReadModelWrite.Insert insert -> insert(insert.row());
      case ReadModelWrite.Update update -> update(update);
      case ReadModelWrite.Delete delete ->
          session
              .part("DELETE FROM reservations WHERE tenant_id = :tenant AND id = :id")
              .bind("tenant", session.tenant().value())
              .bind("id", delete.id());
    };
  }

  private JdbcStatement insert(ReservationView row) {
    return session
        .part(INSERT)
        .bind("id", row.id())
        .bind("tenant", session.tenant().value())
        .bind("user", row.userId())
        .bind("spot", row.parkingSpotId())
        .bind("start", row.startTime())
        .bind("end", row.endTime())
        .bind("hours", row.durationHours())
        .bind("cost", row.totalCost())
        .bind("status", row.status().name())
        .bind("transaction", row.transactionId())
        .bind("created", row.createdAt())
        .bind("updated", row.updatedAt());
  }

  private JdbcStatement update(ReadModelWrite.Update update) {
    return session
        .part(UPDATE)
        .bind("status", update.status() == null ? null : update.status().name())
        .bind("transaction", update.transactionId())
        .bind("updated", update.updatedAt())
        .bind("tenant", session.tenant().value())
        .bind("id", update.id());
  }
}
