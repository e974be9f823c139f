package com.parkora.reservation.cli;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.relay.FeedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the event log as one message of docs/notifications.md per line, in one of two ways:
 *
 * <ul>
 *   <li>{@link #snapshot}: every event committed when each tenant is read, tenant by tenant, in
 *       position order (so each reservation's events are in version order), from one consistent
 *       read per tenant;
 *   <li>{@link #follow}: the gap-free feed in commit order, waiting for newly committed events
 *       until the thread is interrupted. The feed withholds events whose commit order is not
 *       settled yet, so a long transaction elsewhere on the server delays (never loses) them.
 * </ul>
 *
 * @param reader the feed reader {@link #follow} uses (the one the relay to RabbitMQ uses too)
 */
record EventDump(Storage storage, EventCodec codec, FeedReader reader) {

  static final int PAGE = 500;

  /** Which events to write: of one tenant, of one reservation, after a store position. */
  record Filter(Optional<TenantId> tenant, Optional<UUID> reservation, long afterPosition) {

    boolean accepts(StoredEvent event) {
      return event.position() > afterPosition
          && reservation.map(event.aggregateId()::equals).orElse(true);
    }
  }

  /** Writes the matching events stored now; answers how many were written. */
  long snapshot(Filter filter, Writer out) throws IOException {
    List<TenantId> tenants = filter.tenant().map(List::of).orElseGet(storage::tenants);
    long written = 0;
    try {
      for (TenantId tenant : tenants) {
        written +=
            storage.inTransaction(
                tenant,
                uow -> {
                  long[] count = {0};
                  uow.events()
                      .forEach(
                          event -> {
                            if (filter.accepts(event)) {
                              writeLine(out, event);
                              count[0]++;
                            }
                          });
                  return count[0];
                });
        out.flush();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return written;
  }

  /**
   * Writes the matching events in commit order, then new ones as they commit, until interrupted.
   */
  long follow(Filter filter, Writer out) throws IOException {
    FeedPosition position = FeedPosition.START;
    long written = 0;
    while (true) {
      List<FeedEvent> page;
      try {
        page = reader.next(position, filter.tenant());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return written;
      }
      for (FeedEvent next : page) {
        position = next.feedPosition();
        if (filter.accepts(next.event())) {
          out.write(codec.messageLine(next.event()));
          out.write('\n');
          written++;
        }
      }
      out.flush();
    }
  }

  private void writeLine(Writer out, StoredEvent event) {
    try {
      out.write(codec.messageLine(event));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
