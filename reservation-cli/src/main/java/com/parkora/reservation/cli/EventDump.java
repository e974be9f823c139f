package com.parkora.reservation.cli;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.StoredEvent;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the event log as one §6 message per line, read from the gap-free feed in commit order;
 * when following, keeps polling for newly committed events until the thread is interrupted.
 *
 * <p>The feed withholds events whose place in the commit order is not settled yet (a transaction
 * that began earlier is still running somewhere on the server). A dump that does not follow
 * therefore waits, up to {@link #SETTLE_TIMEOUT}, until it has read as many events as the store
 * held when it started, so that it is complete.
 */
final class EventDump {

  static final int PAGE = 500;
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private final EventFeed feed;
  private final EventCodec codec;
  private final Duration pollInterval;

  EventDump(EventFeed feed, EventCodec codec, Duration pollInterval) {
    this.feed = feed;
    this.codec = codec;
    this.pollInterval = pollInterval;
  }

  /** Which events to write: of one tenant, of one reservation, after a store position. */
  record Filter(Optional<TenantId> tenant, Optional<UUID> reservation, long afterPosition) {

    static final Filter ALL = new Filter(Optional.empty(), Optional.empty(), 0);

    boolean accepts(StoredEvent event) {
      return event.position() > afterPosition
          && reservation.map(event.aggregateId()::equals).orElse(true);
    }
  }

  /**
   * Writes the matching events; answers how many were written.
   *
   * @param stored how many events of the filter's tenant (or of all tenants) the store held at the
   *     start; a dump that does not follow reads at least that many
   */
  long write(Filter filter, Writer out, boolean follow, long stored) throws IOException {
    FeedPosition position = FeedPosition.START;
    long written = 0;
    long read = 0;
    long settleDeadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (true) {
      List<FeedEvent> page = feed.readAfter(position, PAGE, filter.tenant());
      for (FeedEvent next : page) {
        position = next.feedPosition();
        read++;
        if (filter.accepts(next.event())) {
          out.write(codec.messageLine(next.event()));
          out.write('\n');
          written++;
        }
      }
      out.flush();
      if (page.size() == PAGE) {
        continue;
      }
      if (!follow && read >= stored) {
        return written;
      }
      if (!follow && System.nanoTime() > settleDeadline) {
        throw new CliException("the dump is incomplete: only " + read + " of " + stored
            + " events settled within " + SETTLE_TIMEOUT.toSeconds() + " s (a long-running "
            + "transaction on the database server holds the feed back)");
      }
      if (!pause()) {
        return written;
      }
    }
  }

  /** Waits before the next poll; false when interrupted (the end of following). */
  private boolean pause() {
    try {
      Thread.sleep(pollInterval);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
