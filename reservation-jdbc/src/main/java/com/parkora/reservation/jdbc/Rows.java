package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.instant;
import static com.parkora.reservation.jdbc.SqlValues.uuid;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.RefundQueue.PendingRefund;
import com.parkora.reservation.port.RefundQueue.RefusedRefund;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** How a row becomes a port type, and the columns of a read-model row. */
final class Rows {

  static final String RESERVATION_COLUMNS =
      """
      id, tenant_id, user_id, parking_spot_id, start_time, end_time, duration_hours, total_cost,
      status, transaction_id, created_at, updated_at"""
          .replace('\n', ' ');

  private final EventCodec codec;

  Rows(EventCodec codec) {
    this.codec = codec;
  }

  RowMapper<StoredEvent> storedEvent() {
    return (rs, ctx) -> storedEvent(rs);
  }

  RowMapper<FeedEvent> feedEvent() {
    return (rs, ctx) ->
        new FeedEvent(
            new FeedPosition(rs.getLong("transaction_id"), rs.getLong("position")),
            storedEvent(rs));
  }

  /**
   * Teaches {@code jdbi} the port types: records are mapped by their constructor (columns by
   * snake-case name), tenants and instants by the column mappers below; a read-model row by {@link
   * #reservation}.
   */
  static Jdbi configure(Jdbi jdbi) {
    return jdbi.registerColumnMapper(
            TenantId.class, (rs, column, ctx) -> new TenantId(uuid(rs, column)))
        .registerColumnMapper(Instant.class, (rs, column, ctx) -> instant(rs, column))
        .registerRowMapper(ReservationView.class, Rows::reservation)
        .registerRowMapper(ConstructorMapper.factory(FeedPosition.class));
  }

  /** Each of {@link #RESERVATION_COLUMNS}, in that order. */
  private static final String[] RESERVATION_COLUMN_NAMES = RESERVATION_COLUMNS.split(",\\s*");

  /** The positions of {@link #RESERVATION_COLUMNS} in a select list that starts with them. */
  private static final int[] LEADING = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

  /**
   * A read-model row of {@link #RESERVATION_COLUMNS}, found by name, written out rather than left
   * to {@code ConstructorMapper}: matching the columns to the record's constructor for every result
   * set, and a column mapper per value, took a fifth of the CPU of a 50-row page.
   */
  static ReservationView reservation(ResultSet rs, StatementContext context) throws SQLException {
    int[] at = new int[RESERVATION_COLUMN_NAMES.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = rs.findColumn(RESERVATION_COLUMN_NAMES[i]);
    }
    return reservation(rs, at);
  }

  /**
   * A read-model row of a query whose select list starts with {@link #RESERVATION_COLUMNS}, as
   * {@link PgReadModel}'s do: by position, since finding twelve columns by name in every row of a
   * 50-row page was 3% of its CPU.
   */
  static ReservationView reservation(ResultSet rs) throws SQLException {
    return reservation(rs, LEADING);
  }

  private static ReservationView reservation(ResultSet rs, int[] at) throws SQLException {
    return new ReservationView(
        uuid(rs, at[0]),
        new TenantId(uuid(rs, at[1])),
        uuid(rs, at[2]),
        rs.getString(at[3]),
        instant(rs, at[4]),
        instant(rs, at[5]),
        rs.getInt(at[6]),
        rs.getBigDecimal(at[7]),
        ReservationStatus.valueOf(rs.getString(at[8])),
        rs.getString(at[9]),
        instant(rs, at[10]),
        instant(rs, at[11]));
  }

  /** A row of {@code pending_refunds} to send. */
  static PendingRefund refund(ResultSet rs, StatementContext context) throws SQLException {
    return new PendingRefund(
        new TenantId(uuid(rs, "tenant_id")),
        uuid(rs, "reservation_id"),
        rs.getString("transaction_id"),
        rs.getBigDecimal("amount"),
        rs.getString("reason"),
        rs.getInt("attempts"));
  }

  /** A row of {@code pending_refunds} the payment service refused. */
  static RefusedRefund refusedRefund(ResultSet rs, StatementContext context) throws SQLException {
    return new RefusedRefund(
        uuid(rs, "reservation_id"),
        rs.getString("transaction_id"),
        rs.getBigDecimal("amount"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "refused_at"));
  }

  /** An event of a query that selects {@code event_store}'s columns, data and metadata as text. */
  StoredEvent storedEvent(ResultSet rs) throws SQLException {
    UUID aggregateId = uuid(rs, "aggregate_id");
    TenantId tenant = new TenantId(uuid(rs, "tenant_id"));
    Instant createdAt = instant(rs, "created_at");
    ReservationEvent event =
        codec.decode(
            rs.getString("event_type"), rs.getString("data"), aggregateId, tenant, createdAt);
    return new StoredEvent(
        uuid(rs, "id"),
        aggregateId,
        tenant,
        rs.getLong("version"),
        rs.getLong("position"),
        event,
        codec.metadata(rs.getString("event_metadata")),
        createdAt);
  }
}
