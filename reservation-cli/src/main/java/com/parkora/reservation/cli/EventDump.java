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
 */
final class EventDump {

  static final int PAGE = 500;

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

  /** Writes the matching events; answers how many were written. */
  long write(Filter filter, Writer out, boolean follow) throws IOException {
    FeedPosition position = FeedPosition.START;
    long written = 0;
    while (true) {
      List<FeedEvent> page = feed.readAfter(position, PAGE, filter.tenant());
      for (FeedEvent next : page) {
        position = next.feedPosition();
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
      if (!follow || !pause()) {
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
