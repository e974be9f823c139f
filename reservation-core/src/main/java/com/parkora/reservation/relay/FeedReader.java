package com.parkora.reservation.relay;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the gap-free feed page by page and, once it has caught up, waits for the next commit (a
 * {@link CommitSignal}, with polling as the fallback). The one reader of the feed behind the relay
 * to RabbitMQ and {@code events dump --follow}.
 */
public final class FeedReader {

  private final EventFeed feed;
  private final CommitSignal signal;
  private final int pageSize;
  private final Duration pollInterval;

  /**
   * @param pollInterval the longest wait for a signal before reading again: events held back by a
   *     long transaction elsewhere (which signals nothing when it ends) are seen that late at most
   */
  public FeedReader(EventFeed feed, CommitSignal signal, int pageSize, Duration pollInterval) {
    if (pageSize <= 0) {
      throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
    }
    this.feed = feed;
    this.signal = signal;
    this.pageSize = pageSize;
    this.pollInterval = pollInterval;
  }

  /**
   * The next page of events committed after {@code after}. When there is none, waits for a commit
   * (at most the poll interval) and answers the empty page, so the caller can look at its own state
   * before asking again.
   */
  public List<FeedEvent> next(FeedPosition after, Optional<TenantId> tenant)
      throws InterruptedException {
    List<FeedEvent> page = feed.readAfter(after, pageSize, tenant);
    if (page.isEmpty()) {
      signal.await(pollInterval);
    }
    return page;
  }

  /** How many events were committed after {@code after}: what is left to read from there. */
  public long countAfter(FeedPosition after) {
    return feed.countAfter(after);
  }

  /** Ends a wait in {@link #next}, for a caller that is stopping. */
  public void wakeUp() {
    signal.wakeUp();
  }
}
