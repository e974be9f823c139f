package com.parkora.reservation.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * One execution of a statement of the hot paths (a command's writes, the tenant's reads) straight
 * on the JDBC connection of a JDBI handle, in the handle's transaction. JDBI's own statements copy
 * the handle's whole configuration, look up an argument factory per parameter and a mapper per
 * result, and keep a context per statement: in a profile of createReservation on two free cores
 * that bookkeeping was 29% of the service's sampled CPU, more than the driver's 16%. Here the SQL
 * keeps its {@code :name} parameters (parsed once by JDBI's parser, which caches it), values are
 * bound by type, rows are read by a {@link RowReader}, the handle's {@linkplain DatabaseTimeout
 * deadline} bounds the round trip as it bounds JDBI's, and a failure is JDBI's {@link
 * UnableToExecuteStatementException} with the driver's {@link SQLException} as its cause, so that
 * callers and {@link SqlFailures} treat both alike.
 */
final class JdbcStatement {

  private static final SqlParser PARSER = new ColonPrefixSqlParser();

  /** How one row becomes a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Handle handle;
  private final String sql;
  private final List<String> parameters;
  private final Object[] values;
  private final int[] types;
  private final boolean[] bound;

  private JdbcStatement(Handle handle, String named) {
    this(handle, PARSER.parse(named, null));
  }

  private JdbcStatement(Handle handle, ParsedSql parsed) {
    this(
        handle,
        parsed.getSql(),
        parsed.getParameters().getParameterNames(),
        new Object[parsed.getParameters().getParameterNames().size()],
        new int[parsed.getParameters().getParameterNames().size()],
        new boolean[parsed.getParameters().getParameterNames().size()]);
  }

  private JdbcStatement(
      Handle handle,
      String sql,
      List<String> parameters,
      Object[] values,
      int[] types,
      boolean[] bound) {
    this.handle = handle;
    this.sql = sql;
    this.parameters = parameters;
    this.values = values;
    this.types = types;
    this.bound = bound;
  }

  /** {@code sql}, its parameters named {@code :name}, to run on {@code handle}'s connection. */
  static JdbcStatement on(Handle handle, String sql) {
    return new JdbcStatement(handle, sql);
  }

  /**
   * {@code parts}, each bound already, as one statement: one execution and one round trip (pgjdbc
   * sends the statements before a single Sync). Their results follow in order; the first that fails
   * stops the rest and fails the whole.
   */
  static JdbcStatement together(Handle handle, List<JdbcStatement> parts) {
    if (parts.size() == 1) {
      return parts.getFirst();
    }
    StringBuilder sql = new StringBuilder();
    List<String> parameters = new ArrayList<>();
    for (JdbcStatement part : parts) {
      sql.append(sql.isEmpty() ? "" : ";\n").append(part.sql);
      parameters.addAll(part.parameters);
    }
    JdbcStatement whole =
        new JdbcStatement(
            handle,
            sql.toString(),
            parameters,
            new Object[parameters.size()],
            new int[parameters.size()],
            new boolean[parameters.size()]);
    int at = 0;
    for (JdbcStatement part : parts) {
      int n = part.values.length;
      System.arraycopy(part.values, 0, whole.values, at, n);
      System.arraycopy(part.types, 0, whole.types, at, n);
      System.arraycopy(part.bound, 0, whole.bound, at, n);
      at += n;
    }
    return whole;
  }

  JdbcStatement bind(String name, UUID value) {
    return set(name, value, Types.OTHER);
  }

  JdbcStatement bind(String name, String value) {
    return set(name, value, Types.VARCHAR);
  }

  JdbcStatement bind(String name, int value) {
    return set(name, value, Types.INTEGER);
  }

  JdbcStatement bind(String name, long value) {
    return set(name, value, Types.BIGINT);
  }

  JdbcStatement bind(String name, BigDecimal value) {
    return set(name, value, Types.NUMERIC);
  }

  /** A {@code timestamptz}, exact to the microsecond, independent of the JVM's zone. */
  JdbcStatement bind(String name, Instant value) {
    return set(
        name, value == null ? null : value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
  }

  /** Every occurrence of {@code :name}; an unknown name is a programming error. */
  private JdbcStatement set(String name, Object value, int type) {
    boolean known = false;
    for (int i = 0; i < values.length; i++) {
      if (parameters.get(i).equals(name)) {
        values[i] = value;
        types[i] = type;
        bound[i] = true;
        known = true;
      }
    }
    if (!known) {
      throw new IllegalArgumentException("no parameter :" + name + " in " + sql);
    }
    return this;
  }

  /** The rows of the statement's first result. */
  <T> List<T> list(RowReader<T> reader) {
    return results(0, 1, reader).getFirst();
  }

  /**
   * The rows of each of {@code count} results that follow the first {@code skip}, in order: the
   * statement is several {@linkplain #together sent together}, and each of those results is rows.
   */
  <T> List<List<T>> results(int skip, int count, RowReader<T> reader) {
    try (PreparedStatement statement = prepare()) {
      boolean rows = statement.execute();
      for (int i = 0; i < skip; i++) {
        rows = statement.getMoreResults();
      }
      List<List<T>> results = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          rows = statement.getMoreResults();
        }
        if (!rows) {
          throw new SQLException("result " + (skip + i) + " is no rows: " + sql);
        }
        results.add(read(statement, reader));
      }
      return results;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Runs a statement that returns no rows; answers the rows it changed. */
  int update() {
    try (PreparedStatement statement = prepare()) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static <T> List<T> read(PreparedStatement statement, RowReader<T> reader)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet result = statement.getResultSet()) {
      while (result.next()) {
        rows.add(reader.read(result));
      }
    }
    return rows;
  }

  private PreparedStatement prepare() throws SQLException {
    for (int i = 0; i < bound.length; i++) {
      if (!bound[i]) {
        throw new IllegalStateException("parameter :" + parameters.get(i) + " unbound in " + sql);
      }
    }
    Connection connection = handle.getConnection();
    DatabaseTimeout.enforce(connection, handle.getConfig(DatabaseTimeout.Deadline.class).nanos);
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          statement.setNull(i + 1, types[i]);
        } else {
          statement.setObject(i + 1, values[i], types[i]);
        }
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private UnableToExecuteStatementException failed(SQLException e) {
    return new UnableToExecuteStatementException(e, null);
  }
}
