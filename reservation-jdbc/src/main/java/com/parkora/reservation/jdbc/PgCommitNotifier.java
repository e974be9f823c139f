package com.parkora.reservation.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@code NOTIFY} on {@link PgCommitSignal#CHANNEL} after transactions that appended have
 * committed, from a connection and thread of its own. Not inside the appending transaction: a
 * transaction that notifies holds a database-wide lock from before its commit until after it, which
 * would make every command's commit wait for the disk one after another instead of together. Here a
 * command only raises a flag; the notifier sends one {@code NOTIFY} (its own transaction, committed
 * without waiting for the disk) for all the commits since the last, at most every {@link
 * #SPACING_NANOS}. Off until {@link #enable()}d (someone in this process listens): the notifying
 * transaction briefly holds back the feed's horizon, and costs a transaction, which only pays when
 * someone listens.
 */
final class PgCommitNotifier implements AutoCloseable {

  static final long SPACING_NANOS = 5_000_000;
  private static final System.Logger LOG = System.getLogger(PgCommitNotifier.class.getName());

  private final PgCommitSignal.Connector connector;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean enabled;
  private Connection connection;

  PgCommitNotifier(PgCommitSignal.Connector connector) {
    this.connector = connector;
    this.thread = Thread.ofPlatform().name("commit-notifier").daemon().unstarted(this::run);
  }

  /** From now on, {@link #poke} notifies (until then nobody is assumed to listen). */
  void enable() {
    enabled = true;
  }

  /** Called after a commit that appended events; returns at once. */
  void poke() {
    if (!enabled) {
      return;
    }
    pending.set(true);
    if (thread.getState() == Thread.State.NEW) {
      startOnce();
    }
    LockSupport.unpark(thread);
  }

  private synchronized void startOnce() {
    if (thread.getState() == Thread.State.NEW && running) {
      thread.start();
    }
  }

  private void run() {
    while (running) {
      if (!pending.getAndSet(false)) {
        LockSupport.park(this);
        continue;
      }
      notifyListeners();
      LockSupport.parkNanos(SPACING_NANOS);
    }
    closeConnection();
  }

  private void notifyListeners() {
    try {
      if (connection == null) {
        connection = connector.open();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET synchronous_commit = off");
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("NOTIFY " + PgCommitSignal.CHANNEL);
      }
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "NOTIFY failed (listeners poll): {0}", e.getMessage());
      closeConnection();
      LockSupport.parkNanos(1_000_000_000L);
    }
  }

  private void closeConnection() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing the NOTIFY connection: {0}", e.getMessage());
    }
    connection = null;
  }

  @Override
  public void close() {
    running = false;
    synchronized (this) {
      if (thread.getState() == Thread.State.NEW) {
        return;
      }
    }
    LockSupport.unpark(thread);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
