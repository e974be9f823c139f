package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStatementTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("jdbc_statement");

  private static final String ECHO =
      """
      SELECT CAST(:id AS uuid) AS id, CAST(:text AS text) AS text, :int + 0 AS int,
             :long + 0 AS long, CAST(:amount AS numeric) AS amount,
             CAST(:at AS timestamptz) AS at, CAST(:none AS timestamptz) AS none,
             CAST(:id AS uuid) = CAST(:id AS uuid) AS twice, '1'::int AS cast
      """;

  @Test
  void every_type_it_binds_comes_back_as_bound_and_a_name_used_twice_is_bound_once() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-07T10:15:30.123456Z");
    try (Handle handle = db.jdbi().open()) {
      List<String> row =
          JdbcStatement.on(handle, ECHO)
              .bind("id", id)
              .bind("text", (String) null)
              .bind("int", 41)
              .bind("long", 1L << 40)
              .bind("amount", new BigDecimal("12.50"))
              .bind("at", at)
              .bind("none", (Instant) null)
              .list(
                  rs ->
                      List.of(
                          rs.getObject("id", UUID.class).toString(),
                          String.valueOf(rs.getString("text")),
                          Integer.toString(rs.getInt("int")),
                          Long.toString(rs.getLong("long")),
                          rs.getBigDecimal("amount").toPlainString(),
                          SqlValues.instant(rs, "at").toString(),
                          String.valueOf(rs.getObject("none")),
                          Boolean.toString(rs.getBoolean("twice")),
                          Integer.toString(rs.getInt("cast"))))
              .getFirst();
      assertThat(row)
          .containsExactly(
              id.toString(),
              "null",
              "41",
              Long.toString(1L << 40),
              "12.50",
              at.toString(),
              "null",
              "true",
              "1");
    }
  }

  @Test
  void a_name_the_statement_lacks_or_a_parameter_left_unbound_is_refused_before_it_is_sent() {
    try (Handle handle = db.jdbi().open()) {
      assertThatThrownBy(() -> JdbcStatement.on(handle, "SELECT :a::int").bind("b", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(":b");
      assertThatThrownBy(() -> JdbcStatement.on(handle, "SELECT :a::int").update())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(":a");
    }
  }

  @Test
  void a_failure_of_the_server_is_jdbis_with_the_drivers_sql_state() {
    try (Handle handle = db.jdbi().open()) {
      assertThatThrownBy(
              () ->
                  JdbcStatement.on(handle, "SELECT 1 / :zero AS x")
                      .bind("zero", 0)
                      .list(rs -> rs.getInt("x")))
          .isInstanceOf(UnableToExecuteStatementException.class)
          .satisfies(e -> assertThat(SqlFailures.sqlState(e)).contains("22012"));
    }
  }

  @Test
  void a_unit_of_work_past_its_deadline_sends_nothing_and_fails_as_timed_out() {
    try (Handle handle = db.jdbi().open()) {
      new DatabaseTimeout(Duration.ofMillis(250)).start(handle, System.nanoTime() - 1_000_000_000L);
      assertThatThrownBy(() -> JdbcStatement.on(handle, "SELECT :one AS x").bind("one", 1).update())
          .isInstanceOf(UnableToExecuteStatementException.class)
          .hasCauseInstanceOf(SQLTimeoutException.class)
          .satisfies(e -> assertThat(SqlFailures.isUnavailable(e)).isTrue());
    }
  }

  @Test
  void the_rows_after_a_leading_statement_are_those_of_the_second_result() {
    try (Handle handle = db.jdbi().open()) {
      assertThat(
              JdbcStatement.on(handle, "SELECT 'first' AS x; SELECT :v AS x")
                  .bind("v", "second")
                  .results(1, 1, rs -> rs.getString("x"))
                  .getFirst())
          .containsExactly("second");
      assertThat(
              JdbcStatement.on(handle, "SELECT :v AS x")
                  .bind("v", "only")
                  .list(rs -> rs.getString("x")))
          .containsExactly("only");
    }
  }
}
