package com.parkora.reservation.relay;

import com.parkora.reservation.port.EventPublisher;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Publishes every committed event, in feed order, at least once: reads a page after the checkpoint,
 * publishes it, and moves the checkpoint past it only once the broker confirmed all of it. Runs
 * only while it holds the {@link FeedLease}, so of several instances on one store one publishes and
 * the others stand by; a failure to publish is retried with backoff and never reaches the commands,
 * which only append to the store. Depends on ports only.
 */
public final class FeedRelay implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FeedRelay.class.getName());
  private static final long NO_EPOCH = -1;
  private static final Duration COUNT_INTERVAL = Duration.ofSeconds(1);

  private final FeedReader reader;
  private final EventPublisher publisher;
  private final FeedLease lease;
  private final RelaySettings settings;
  private final Clock clock;
  private final RelayStats stats = new RelayStats();
  private final Thread thread;
  private volatile boolean running = true;
  private long epoch = NO_EPOCH;
  private FeedPosition position = FeedPosition.START;
  private Instant renewedAt = Instant.MIN;
  private int failures;
  private Instant countedAt = Instant.MIN;
  private long backlog;

  private FeedRelay(
      FeedReader reader,
      EventPublisher publisher,
      FeedLease lease,
      RelaySettings settings,
      Clock clock) {
    this.reader = reader;
    this.publisher = publisher;
    this.lease = lease;
    this.settings = settings;
    this.clock = clock;
    this.thread = Thread.ofPlatform().name("feed-relay").daemon().unstarted(this::run);
  }

  /** Starts relaying on a thread of its own; {@link #close()} stops it. */
  public static FeedRelay start(
      FeedReader reader,
      EventPublisher publisher,
      FeedLease lease,
      RelaySettings settings,
      Clock clock) {
    FeedRelay relay = new FeedRelay(reader, publisher, lease, settings, clock);
    relay.thread.start();
    return relay;
  }

  public RelayStats stats() {
    return stats;
  }

  private void run() {
    while (running) {
      try {
        if (epoch == NO_EPOCH && !takeLease()) {
          recovered();
          Thread.sleep(settings.standbyInterval());
          continue;
        }
        step();
        recovered();
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        if (!pause(e)) {
          break;
        }
      }
    }
    giveUpLease();
  }

  private boolean takeLease() {
    OptionalLong taken = lease.acquire();
    if (taken.isEmpty()) {
      return false;
    }
    epoch = taken.getAsLong();
    renewedAt = clock.instant();
    position = lease.checkpoint();
    stats.leaseHeld(true);
    LOG.log(System.Logger.Level.INFO, "relay active (lease epoch {0}) after {1}", epoch, position);
    return true;
  }

  private void step() throws InterruptedException {
    List<FeedEvent> page = reader.next(position, Optional.empty());
    if (page.isEmpty()) {
      stats.caughtUp();
      renewIfDue();
      return;
    }
    if (!renewIfDue()) {
      return;
    }
    stats.pending(backlog(page.size()), page.getFirst().event().createdAt());
    List<StoredEvent> events = page.stream().map(FeedEvent::event).toList();
    try {
      publisher.publishAll(events);
    } catch (RuntimeException e) {
      stats.failed(events.size());
      throw e;
    }
    stats.confirmed(events, clock.instant());
    FeedPosition last = page.getLast().feedPosition();
    if (!lease.saveCheckpoint(epoch, last)) {
      lost();
      return;
    }
    position = last;
    backlog -= page.size();
    renewedAt = clock.instant();
  }

  /**
   * Events not yet confirmed: counted in the store at most once a second (a count over a long
   * backlog costs as much as the backlog), less what was confirmed since.
   */
  private long backlog(int pageSize) {
    Instant now = clock.instant();
    if (Duration.between(countedAt, now).compareTo(COUNT_INTERVAL) >= 0) {
      backlog = reader.countAfter(position);
      countedAt = now;
    }
    return Math.max(pageSize, backlog);
  }

  /** Extends the lease when a renewal is due; false when it turned out to be lost. */
  private boolean renewIfDue() {
    if (Duration.between(renewedAt, clock.instant()).compareTo(settings.renewInterval()) < 0) {
      return true;
    }
    if (!lease.renew(epoch)) {
      lost();
      return false;
    }
    renewedAt = clock.instant();
    return true;
  }

  private void lost() {
    LOG.log(
        System.Logger.Level.WARNING, "relay lease epoch {0} was taken over; standing by", epoch);
    epoch = NO_EPOCH;
    stats.leaseHeld(false);
  }

  /** After a step that went through: the failures before it, if any, end with one line. */
  private void recovered() {
    if (failures > 0) {
      LOG.log(System.Logger.Level.INFO, "relay: recovered after {0} failed attempts", failures);
      failures = 0;
    }
  }

  /** Waits after a failure, longer each time (only the first one warns); false if interrupted. */
  private boolean pause(RuntimeException failure) {
    failures++;
    Duration wait = settings.backoff(failures);
    LOG.log(
        failures == 1 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
        "relay: {0}; retrying in {1} ms (failure {2})",
        failure.toString(),
        wait.toMillis(),
        failures);
    try {
      for (long left = wait.toMillis(); left > 0 && running; ) {
        long slice = Math.min(left, settings.renewInterval().toMillis());
        Thread.sleep(slice);
        left -= slice;
        keepLease();
      }
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Renews while backing off, so a broker outage does not hand the lease to another instance. */
  private void keepLease() {
    if (epoch == NO_EPOCH) {
      return;
    }
    try {
      renewIfDue();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "relay: renewing the lease failed: {0}", e.toString());
    }
  }

  /** The checkpoint is saved after each confirmed page; here the lease is handed on. */
  private void giveUpLease() {
    if (epoch == NO_EPOCH) {
      return;
    }
    try {
      lease.release(epoch);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "relay: releasing the lease failed: {0}", e.toString());
    }
    epoch = NO_EPOCH;
    stats.leaseHeld(false);
  }

  /**
   * Stops after the page in flight: its confirms are awaited (the publisher bounds that wait) and
   * the checkpoint saved, for at most {@code grace}; then the thread is interrupted.
   */
  public void stop(Duration grace) throws InterruptedException {
    running = false;
    reader.wakeUp();
    if (!thread.join(grace)) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(1));
    }
  }

  @Override
  public void close() {
    try {
      stop(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
