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
import java.time.OffsetDateTime;
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
            TenantId.class, (rs, column, ctx) -> new TenantId(rs.getObject(column, UUID.class)))
        .registerColumnMapper(
            Instant.class,
            (rs, column, ctx) -> {
              OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
              return value == null ? null : value.toInstant();
            })
        .registerRowMapper(ReservationView.class, Rows::reservation)
        .registerRowMapper(ConstructorMapper.factory(FeedPosition.class));
  }

  /**
   * A read-model row of {@link #RESERVATION_COLUMNS}, written out rather than left to {@code
   * ConstructorMapper}: matching the columns to the record's constructor for every result set, and
   * a column mapper per value, took a fifth of the CPU of a 50-row page.
   */
  static ReservationView reservation(ResultSet rs, StatementContext context) throws SQLException {
    return reservation(rs);
  }

  /** As above, for a {@link JdbcStatement}. */
  static ReservationView reservation(ResultSet rs) throws SQLException {
    return new ReservationView(
        uuid(rs, "id"),
        new TenantId(uuid(rs, "tenant_id")),
        uuid(rs, "user_id"),
        rs.getString("parking_spot_id"),
        instant(rs, "start_time"),
        instant(rs, "end_time"),
        rs.getInt("duration_hours"),
        rs.getBigDecimal("total_cost"),
        ReservationStatus.valueOf(rs.getString("status")),
        rs.getString("transaction_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
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

  private StoredEvent storedEvent(ResultSet rs) throws SQLException {
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
