package com.parkora.reservation.jdbc;

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

  /** A {@code timestamptz} column, the column by its position. */
  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

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
