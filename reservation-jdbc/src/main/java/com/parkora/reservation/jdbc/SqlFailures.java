package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;

/**
 * Turns driver failures into the domain's errors. Messages never carry SQL text or driver detail:
 * the cause keeps those for the log.
 */
final class SqlFailures {

  static final String UNIQUE_VIOLATION = "23505";
  static final String EXCLUSION_VIOLATION = "23P01";
  static final String NOT_NULL_VIOLATION = "23502";

  private SqlFailures() {}

  static Optional<String> sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  static boolean hasState(Throwable failure, String state) {
    return sqlState(failure).filter(state::equals).isPresent();
  }

  /**
   * An append that found no expected version: it stores a null version, which {@code NOT NULL}
   * refuses ({@code 23502} on column {@code version} of {@code event_store}).
   */
  static boolean isVersionMissing(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PSQLException psql
          && NOT_NULL_VIOLATION.equals(psql.getSQLState())
          && psql.getServerErrorMessage() != null
          && "event_store".equals(psql.getServerErrorMessage().getTable())
          && "version".equals(psql.getServerErrorMessage().getColumn())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failure of the database: unavailable (unreachable, or no answer within the timeout), a value
   * it cannot store (SQLSTATE class 22, "data exception": the core validates inputs first, this is
   * the backstop), or internal.
   */
  static ReservationException translate(JdbiException failure) {
    if (isUnavailable(failure)) {
      return new ReservationException.DependencyUnavailable("The database is unavailable", failure);
    }
    if (sqlState(failure).filter(state -> state.startsWith("22")).isPresent()) {
      return new ReservationException.InvalidInput(
          "input", "A value cannot be stored (out of range or malformed)");
    }
    return new ReservationException.Internal("A database operation failed", failure);
  }

  static boolean isUnavailable(Throwable failure) {
    if (failure instanceof ConnectionException) {
      return true;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLTimeoutException) {
        return true;
      }
    }
    return sqlState(failure)
        .filter(
            state ->
                state.startsWith("08")
                    || state.equals("57014") // canceled: statement_timeout, or our own deadline
                    || state.equals("25P03") // idle_in_transaction_session_timeout
                    || state.equals("57P01")
                    || state.equals("57P02")
                    || state.equals("57P03")
                    || state.equals("53300"))
        .isPresent();
  }

  /**
   * Runs {@code action}, answering a JDBI failure as the domain's exception ({@link #translate}).
   */
  static <T> T guarded(Supplier<T> action) {
    try {
      return action.get();
    } catch (JdbiException e) {
      throw translate(e);
    }
  }
}
