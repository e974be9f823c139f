package com.parkora.reservation.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;
import org.postgresql.PGResultSetMetaData;

/** Conversions between Java values and PostgreSQL columns that JDBI should not guess. */
final class SqlValues {

  private SqlValues() {}

  /** A {@code timestamptz} parameter, exact to the microsecond, independent of the JVM zone. */
  static Argument timestamp(Instant instant) {
    return (position, statement, context) -> {
      if (instant == null) {
        statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
      } else {
        statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
      }
    };
  }

  /** A {@code text[]} parameter; SQL casts its elements to the column types. */
  static Argument textArray(Collection<String> values) {
    return (position, statement, context) -> {
      Array array = statement.getConnection().createArrayOf("text", values.toArray(String[]::new));
      statement.setArray(position, array);
    };
  }

  /**
   * A {@code timestamptz} column, the column by its position. Where the driver received it in
   * binary (a server-prepared statement: every read of the hot paths from its sixth use on) the
   * value is its eight bytes, microseconds from 2000-01-01T00:00:00Z, read here into one {@link
   * Instant}; the driver's own conversion goes through a parsed timestamp, a date, a time, a
   * date-time and an offset date-time before the instant, six objects for each of a 50-row page's
   * 200 timestamps. Text, and the infinities, take the driver's way.
   */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    if (rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(column) == BINARY) {
      byte[] value = rs.getBytes(column);
      if (value == null) {
        return null;
      }
      if (value.length == Long.BYTES) {
        long micros = (long) BIG_ENDIAN_LONG.get(value, 0);
        if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
          return Instant.ofEpochSecond(
              POSTGRES_EPOCH + Math.floorDiv(micros, MICROS_PER_SECOND),
              Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
        }
      }
    }
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The format code of a column the driver received in binary. */
  private static final int BINARY = 1;

  /** 2000-01-01T00:00:00Z in seconds from the Unix epoch: PostgreSQL's epoch. */
  private static final long POSTGRES_EPOCH = 946_684_800L;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private static final VarHandle BIG_ENDIAN_LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** A {@code uuid} column, the column by its position. */
  static UUID uuid(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return instant(rs, rs.findColumn(column));
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return uuid(rs, rs.findColumn(column));
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
