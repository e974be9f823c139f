package com.parkora.reservation.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * The bound of every call to PostgreSQL ({@code DATABASE_TIMEOUT}, docs/configuration.md), whether
 * the server refuses, answers slowly or goes silent (a partition, a frozen host: no error ever
 * comes back, so only a timeout ends the wait). Each unit of work gets a deadline when it starts:
 * the pool waits at most the timeout for a connection, and before each statement the socket's read
 * timeout is set to what is left, so a silent server fails the unit of work by its deadline (the
 * driver then closes the connection and the pool evicts it). Behind that, on the server: a
 * statement ends after the timeout ({@code statement_timeout}), and so does a transaction whose
 * client went silent ({@code idle_in_transaction_session_timeout}), releasing its locks.
 */
record DatabaseTimeout(Duration timeout) {

  /** HikariCP's floor for its connection and validation timeouts. */
  static final Duration MIN = Duration.ofMillis(250);

  /** How often the pool checks a connection that sits idle, so a dead one is found unborrowed. */
  static final Duration KEEPALIVE = Duration.ofSeconds(30);

  /** The longest a round trip of a rebuild may take (one long transaction by design). */
  static final Duration REBUILD_ROUND_TRIP = Duration.ofMinutes(10);

  private static final Executor DIRECT = Runnable::run;

  DatabaseTimeout {
    if (timeout.compareTo(MIN) < 0) {
      throw new IllegalArgumentException("the database timeout must be at least " + MIN);
    }
  }

  /**
   * A pool of at most {@code maxPoolSize} connections to {@code url}, bounded by this timeout;
   * connecting is lazy.
   */
  HikariDataSource pool(DatabaseUrl url, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(Math.min(2, maxPoolSize));
    configure(config);
    config.setInitializationFailTimeout(-1);
    config.setPoolName("reservation-db");
    config.addDataSourceProperty("ApplicationName", "reservation-service");
    return new HikariDataSource(config);
  }

  /** The pool's acquire and validation timeouts, and the driver settings of its connections. */
  private void configure(HikariConfig config) {
    config.setConnectionTimeout(timeout.toMillis());
    config.setValidationTimeout(Math.max(MIN.toMillis(), Math.min(1_000, timeout.toMillis() / 2)));
    config.setKeepaliveTime(KEEPALIVE.toMillis());
    driverProperties().forEach((name, value) -> config.addDataSourceProperty((String) name, value));
    config.addDataSourceProperty("options", serverOptions());
  }

  /**
   * The driver's own limits, in whole seconds: connecting and logging in, and any read that no
   * deadline shortened (the pool's own checks, a commit).
   */
  Properties driverProperties() {
    Properties properties = new Properties();
    String seconds = Long.toString(wholeSeconds());
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    properties.setProperty("tcpKeepAlive", "true");
    return properties;
  }

  /** The server side of the bound, as startup options of every pooled connection. */
  String serverOptions() {
    long millis = timeout.toMillis();
    return "-c statement_timeout=" + millis + " -c idle_in_transaction_session_timeout=" + millis;
  }

  private long wholeSeconds() {
    return Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  /** Makes {@code jdbi}'s statements honour the deadline their handle was {@linkplain #start}ed. */
  static Jdbi install(Jdbi jdbi) {
    jdbi.getConfig(SqlStatements.class).addCustomizer(new Enforcer());
    return jdbi;
  }

  /** Gives the unit of work on {@code handle}, begun at {@code startedNanos}, its deadline. */
  void start(Handle handle, long startedNanos) {
    handle.getConfig(Deadline.class).nanos = startedNanos + timeout.toNanos();
  }

  /**
   * Lifts the deadline of the transaction on {@code handle}, meant to run long: each round trip and
   * statement may take up to {@code roundTrip}, and the transaction may idle as long.
   */
  static void lift(Handle handle, Duration roundTrip) {
    handle.getConfig(Deadline.class).nanos = 0;
    limitRoundTrips(handle, roundTrip);
    String limit = "'" + roundTrip.toMillis() + "ms'";
    handle.execute(
        "SET LOCAL statement_timeout = "
            + limit
            + "; SET LOCAL idle_in_transaction_session_timeout = "
            + limit);
  }

  /** Each read on the handle's connection waits at most {@code roundTrip} (the pool resets it). */
  static void limitRoundTrips(Handle handle, Duration roundTrip) {
    try {
      handle.getConnection().setNetworkTimeout(DIRECT, Math.toIntExact(roundTrip.toMillis()));
    } catch (SQLException e) {
      throw new ConnectionException(e);
    }
  }

  /** When the unit of work on a handle must have ended ({@link System#nanoTime()}), 0 for never. */
  public static final class Deadline implements JdbiConfig<Deadline> {
    long nanos;

    public Deadline() {}

    private Deadline(long nanos) {
      this.nanos = nanos;
    }

    @Override
    public Deadline createCopy() {
      return new Deadline(nanos);
    }
  }

  /** Before each statement: fail once the deadline passed, else wait for the server until it. */
  private static final class Enforcer implements StatementCustomizer {
    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx)
        throws SQLException {
      enforce(ctx.getConnection(), ctx.getConfig(Deadline.class).nanos);
    }
  }

  /**
   * Before a statement on {@code connection} of a unit of work due at {@code deadline} ({@link
   * Deadline}): fail once it passed, else wait for the server until it.
   */
  static void enforce(Connection connection, long deadline) throws SQLException {
    if (deadline == 0) {
      return;
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      connection.setNetworkTimeout(DIRECT, 1); // the rollback that follows waits no longer
      throw new SQLTimeoutException("DATABASE_TIMEOUT passed", "57014");
    }
    connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, left / 1_000_000 + 1));
  }
}
