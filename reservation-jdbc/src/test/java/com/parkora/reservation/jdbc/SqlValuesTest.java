package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * {@link SqlValues#instant} reads a {@code timestamptz} the driver received in binary itself: it
 * must give the instant the driver's own conversion gives, for every value a column can hold.
 */
class SqlValuesTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("sql_values");

  /** Before and after both epochs, whole seconds and every fraction a microsecond can make. */
  private static final String VALUES =
      """
      SELECT v FROM (VALUES
        (timestamptz '2026-12-07 10:15:30.123456+00'), (timestamptz '2000-01-01 00:00:00+00'),
        (timestamptz '1999-12-31 23:59:59.999999+00'), (timestamptz '1970-01-01 00:00:00+00'),
        (timestamptz '1969-12-31 23:59:59.000001+00'), (timestamptz '0001-01-01 00:00:00+00'),
        (timestamptz '4713-01-01 00:00:00+00 BC'), (timestamptz '9999-12-31 23:59:59.999999+00'),
        (timestamptz '2027-03-28 01:30:00.5+02'), (timestamptz '294276-12-31 23:59:59.999999+00'),
        (NULL)) AS t (v)""";

  @Test
  void a_binary_timestamp_gives_the_instant_of_the_drivers_conversion() throws SQLException {
    try (Handle handle = db.jdbi().open()) {
      Connection connection = handle.getConnection();
      try (PreparedStatement statement = connection.prepareStatement(VALUES)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        List<Instant> ours = new ArrayList<>();
        List<Instant> drivers = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
          assertThat(rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1))
              .as("the driver received the column in binary")
              .isEqualTo(1);
          while (rs.next()) {
            ours.add(SqlValues.instant(rs, 1));
            OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
            drivers.add(value == null ? null : value.toInstant());
          }
        }
        assertThat(ours).hasSize(11).containsExactlyElementsOf(drivers);
        assertThat(ours.getFirst()).isEqualTo(Instant.parse("2026-12-07T10:15:30.123456Z"));
        assertThat(ours.get(4)).isEqualTo(Instant.parse("1969-12-31T23:59:59.000001Z"));
      }
    }
  }

  @Test
  void infinities_and_text_take_the_drivers_way() throws SQLException {
    try (Handle handle = db.jdbi().open()) {
      Connection connection = handle.getConnection();
      for (int threshold : new int[] {-1, 0}) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT v FROM (VALUES (timestamptz 'infinity'), (timestamptz '-infinity'),"
                    + " (timestamptz '2026-12-07 10:15:30.5+00')) AS t (v)")) {
          statement.unwrap(PGStatement.class).setPrepareThreshold(threshold);
          List<Instant> ours = new ArrayList<>();
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              ours.add(SqlValues.instant(rs, 1));
            }
          }
          assertThat(ours)
              .as("prepare threshold %d", threshold)
              .containsExactly(
                  OffsetDateTime.MAX.toInstant(),
                  OffsetDateTime.MIN.toInstant(),
                  Instant.parse("2026-12-07T10:15:30.500Z"));
        }
      }
    }
  }
}
