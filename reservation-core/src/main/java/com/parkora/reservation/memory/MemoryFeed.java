package com.parkora.reservation.memory;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The feed of {@link InMemoryStorage}. Units of work commit one at a time, so position order is
 * commit order and positions alone say what comes after a point. Positions are stable across a
 * replay of the journal (its lines are replayed in the order they were committed); transaction
 * numbers are not (each replayed line counts as one commit, and a journal written before commits
 * were grouped holds one event per line).
 */
final class MemoryFeed implements EventFeed {

  private final ReentrantLock lock;
  private final MemoryState state;

  MemoryFeed(ReentrantLock lock, MemoryState state) {
    this.lock = lock;
    this.state = state;
  }

  @Override
  public List<FeedEvent> readAfter(FeedPosition after, int limit, Optional<TenantId> tenant) {
    lock.lock();
    try {
      List<FeedEvent> log = state.log();
      List<FeedEvent> page = new ArrayList<>();
      for (int i = firstAfter(after); i < log.size() && page.size() < limit; i++) {
        FeedEvent e = log.get(i);
        if (tenant.map(t -> t.equals(e.event().tenantId())).orElse(true)) {
          page.add(e);
        }
      }
      return page;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long countAfter(FeedPosition after) {
    lock.lock();
    try {
      return state.log().size() - firstAfter(after);
    } finally {
      lock.unlock();
    }
  }

  /** Index in the log of the first event after {@code after}: positions are 1..n in log order. */
  private int firstAfter(FeedPosition after) {
    return (int) Math.min(Math.max(after.position(), 0), state.log().size());
  }
}
