package com.parkora.reservation.jdbc;

import com.parkora.reservation.port.CommitSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * {@code LISTEN} on a connection of its own, outside the pool (a pooled connection would carry the
 * subscription to other users, or lose it when the pool retires it). Every append notifies {@link
 * #CHANNEL} in its transaction; PostgreSQL delivers one notification per committed transaction. A
 * lost connection is opened again on the next wait; meanwhile waits simply time out, so readers
 * fall back to polling.
 */
final class PgCommitSignal implements CommitSignal {

  /** The channel appends notify; the payload is empty (identical notifications fold into one). */
  static final String CHANNEL = "reservation_events";

  private static final System.Logger LOG = System.getLogger(PgCommitSignal.class.getName());

  /** Opens a new, unpooled connection. */
  interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private Connection connection;

  PgCommitSignal(Connector connector) {
    this.connector = connector;
  }

  @Override
  public synchronized void await(Duration timeout) throws InterruptedException {
    int millis = (int) Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE));
    PGConnection listening = listening();
    if (listening == null) {
      Thread.sleep(millis);
      return;
    }
    try {
      listening.getNotifications(millis);
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "LISTEN connection lost: {0}", e.getMessage());
      closeConnection();
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  private PGConnection listening() {
    if (connection != null) {
      return unwrap(connection);
    }
    try {
      Connection opened = connector.open();
      try (Statement statement = opened.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
      }
      connection = opened;
      return unwrap(opened);
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot LISTEN, polling: {0}", e.getMessage());
      return null;
    }
  }

  private static PGConnection unwrap(Connection connection) {
    try {
      return connection.unwrap(PGConnection.class);
    } catch (SQLException e) {
      throw new IllegalStateException("not a PostgreSQL connection", e);
    }
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the LISTEN connection: {0}", e.getMessage());
    }
    connection = null;
  }

  @Override
  public synchronized void close() {
    closeConnection();
  }
}
