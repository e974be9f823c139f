package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.instant;
import static com.parkora.reservation.jdbc.SqlValues.uuid;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Reads a tenant's events for a rebuild on a connection of its own, on a thread of its own, while
 * the rebuild's transaction writes: the events of the rebuild's snapshot ({@code SET TRANSACTION
 * SNAPSHOT} with the id its transaction exported), as the tenant role with {@code app.tenant_id}
 * set, grouped by reservation ({@code ORDER BY aggregate_id, position}), decoded, handed over in
 * chunks through a queue of a few chunks. So PostgreSQL reads and Java decodes while the rebuild
 * folds and copies, and memory holds a few chunks whatever the size of the log. {@link #close}
 * stops the reader and closes its connection, whether the rebuild succeeded or not.
 */
final class SnapshotReader implements AutoCloseable {

  static final int CHUNK_EVENTS = 1_000;
  static final int QUEUED_CHUNKS = 4;

  /** How long {@link #close} waits for the reader to stop before it aborts the connection. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private static final String EVENTS =
      """
      SELECT aggregate_id, event_type, data::text AS data, created_at
      FROM event_store WHERE tenant_id = ? ORDER BY aggregate_id, position
      """;

  /** A chunk of events, {@link #END}, or the reader's failure. */
  private record Chunk(List<ReservationEvent> events, RuntimeException failure) {}

  /** Only the reader's last chunk says the log ended: an empty chunk does not. */
  private static final Chunk END = new Chunk(List.of(), null);

  private final PgCommitSignal.Connector connector;
  private final String snapshot;
  private final TenantId tenant;
  private final EventCodec codec;
  private final Duration wait;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Connection connection;
  private volatile Statement statement;
  private boolean ended;

  private SnapshotReader(
      PgCommitSignal.Connector connector,
      String snapshot,
      TenantId tenant,
      EventCodec codec,
      Duration wait) {
    this.connector = connector;
    this.snapshot = snapshot;
    this.tenant = tenant;
    this.codec = codec;
    this.wait = wait;
    this.thread = Thread.ofPlatform().name("rebuild-reader").daemon().unstarted(this::read);
  }

  /**
   * Starts reading the events of {@code tenant} that the transaction which exported {@code
   * snapshot} sees; {@link #next} waits at most {@code wait} for each chunk.
   */
  static SnapshotReader start(
      PgCommitSignal.Connector connector,
      String snapshot,
      TenantId tenant,
      EventCodec codec,
      Duration wait) {
    SnapshotReader reader = new SnapshotReader(connector, snapshot, tenant, codec, wait);
    reader.thread.start();
    return reader;
  }

  /**
   * The next chunk of events, empty at the end. Throws the reader's failure, or a timeout when no
   * chunk came within the wait.
   */
  List<ReservationEvent> next() {
    while (!ended) {
      Chunk chunk;
      try {
        chunk = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnableToExecuteStatementException(
            new SQLException("interrupted while waiting for the rebuild's events", e), null);
      }
      if (chunk == null) {
        throw new UnableToExecuteStatementException(
            new SQLTimeoutException("the rebuild's reader sent no events for " + wait), null);
      }
      if (chunk.failure() != null) {
        ended = true;
        throw chunk.failure();
      }
      ended = chunk == END;
      if (!chunk.events().isEmpty()) {
        return chunk.events();
      }
    }
    return List.of();
  }

  private void read() {
    try (Connection opened = connector.open()) {
      connection = opened;
      if (stopped) {
        return;
      }
      readEvents(opened);
    } catch (SQLException e) {
      hand(new UnableToExecuteStatementException(e, null));
    } catch (RuntimeException e) {
      hand(e);
    } catch (InterruptedException e) {
      // stopped by close()
    }
  }

  private void readEvents(Connection opened) throws SQLException, InterruptedException {
    opened.setAutoCommit(false);
    Handle handle = Jdbi.open(opened);
    handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    handle.execute("SET LOCAL application_name = 'reservation-service-rebuild'");
    handle.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
    DatabaseTimeout.lift(handle, DatabaseTimeout.REBUILD_ROUND_TRIP);
    Session.forTenant(handle, tenant).handle();
    try (PreparedStatement query = opened.prepareStatement(EVENTS)) {
      statement = query;
      query.setObject(1, tenant.value());
      query.setFetchSize(PgEventLog.STREAM_FETCH_SIZE);
      try (ResultSet rs = query.executeQuery()) {
        List<ReservationEvent> chunk = new ArrayList<>(CHUNK_EVENTS);
        while (!stopped && rs.next()) {
          try {
            chunk.add(
                codec.decode(
                    rs.getString("event_type"),
                    rs.getString("data"),
                    uuid(rs, "aggregate_id"),
                    tenant,
                    instant(rs, "created_at")));
          } catch (RuntimeException e) {
            put(new Chunk(chunk, null)); // the events before it, then the failure: log order
            throw e;
          }
          if (chunk.size() == CHUNK_EVENTS) {
            put(new Chunk(chunk, null));
            chunk = new ArrayList<>(CHUNK_EVENTS);
          }
        }
        if (!chunk.isEmpty()) {
          put(new Chunk(chunk, null));
        }
        put(END);
      }
    } finally {
      statement = null;
      opened.rollback();
    }
  }

  private void put(Chunk chunk) throws InterruptedException {
    if (!stopped) {
      queue.put(chunk);
    }
  }

  /** Hands a failure over after the events before it, unless the rebuild stopped the reader. */
  private void hand(RuntimeException failure) {
    try {
      put(new Chunk(null, failure));
    } catch (InterruptedException e) {
      // stopped by close()
    }
  }

  /**
   * Stops the reader: cancels its query, wakes it if it waits for room in the queue, and waits for
   * it to close its connection; a reader that does not stop in time has its connection aborted.
   */
  @Override
  public void close() {
    stopped = true;
    Statement running = statement;
    if (running != null && thread.isAlive()) {
      try {
        running.cancel();
      } catch (SQLException e) {
        // the interrupt and the abort below still stop it
      }
    }
    thread.interrupt();
    try {
      if (!thread.join(STOP_WAIT)) {
        Connection open = connection;
        if (open != null) {
          open.abort(Runnable::run);
        }
        thread.join(STOP_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      // the connection is gone either way
    }
  }

  /** True while the reader's thread runs (for tests: a rebuild leaves none behind). */
  boolean running() {
    return thread.isAlive();
  }
}
