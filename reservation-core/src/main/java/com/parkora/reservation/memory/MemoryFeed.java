package com.parkora.reservation.memory;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import java.util.List;
import java.util.Optional;

/**
 * The feed of {@link InMemoryStorage}. Units of work commit one at a time, so position order is
 * commit order and positions alone say what comes after a point. Positions are stable across a
 * replay of the journal (its lines are replayed in the order they were committed); transaction
 * numbers are not (each replayed line counts as one commit, and a journal written before commits
 * were grouped holds one event per line).
 */
record MemoryFeed(StoreLock lock, MemoryState state) implements EventFeed {

  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit, Optional<TenantId> tenant) {
    return lock.locked(
        () ->
            state.log().subList(firstAfter(after), state.log().size()).stream()
                .filter(e -> tenant.map(t -> t.equals(e.event().tenantId())).orElse(true))
                .limit(limit)
                .toList());
  }

  @Override
  public long countAfter(FeedPosition after) {
    return lock.locked(() -> (long) state.log().size() - firstAfter(after));
  }

  /** Index in the log of the first event after {@code after}: positions are 1..n in log order. */
  private int firstAfter(FeedPosition after) {
    return (int) Math.min(Math.max(after.position(), 0), state.log().size());
  }
}
