package com.parkora.reservation.relay;

import com.parkora.reservation.port.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What a {@link FeedRelay} has done, for metrics: events published and failed, whether this
 * instance holds the lease, and how far behind the store it is. Updated by the relay's thread, read
 * from any thread.
 */
public final class RelayStats {

  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong lagEvents = new AtomicLong();
  private final AtomicReference<Instant> oldestUnpublished = new AtomicReference<>();
  private volatile boolean leaseHeld;
  private volatile Consumer<Duration> lagListener = lag -> {};

  /** Events the broker confirmed. */
  public long published() {
    return published.get();
  }

  /** Events whose publishing failed (each retry counts again). */
  public long failed() {
    return failed.get();
  }

  public boolean leaseHeld() {
    return leaseHeld;
  }

  /** Events read from the feed but not yet confirmed; 0 when caught up or not holding the lease. */
  public long lagEvents() {
    return lagEvents.get();
  }

  /** Age of the oldest event read but not yet confirmed; zero when caught up. */
  public Duration lag(Instant now) {
    Instant oldest = oldestUnpublished.get();
    return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
  }

  void pending(long events, Instant oldest) {
    lagEvents.set(events);
    oldestUnpublished.set(oldest);
  }

  void caughtUp() {
    pending(0, null);
  }

  /**
   * Receives, for every confirmed event, the time from its {@code occurred_at} to the confirm
   * (commit-to-publish lag); called on the relay's thread.
   */
  public void onConfirmed(Consumer<Duration> listener) {
    lagListener = listener;
  }

  void confirmed(List<StoredEvent> events, Instant at) {
    published.addAndGet(events.size());
    Consumer<Duration> listener = lagListener;
    for (StoredEvent event : events) {
      listener.accept(Duration.between(event.createdAt(), at));
    }
  }

  void failed(long events) {
    failed.addAndGet(events);
  }

  void leaseHeld(boolean held) {
    leaseHeld = held;
    if (!held) {
      caughtUp();
    }
  }
}
