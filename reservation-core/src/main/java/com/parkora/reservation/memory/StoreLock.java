package com.parkora.reservation.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock of an {@link InMemoryStorage}: units of work, reads of the feed, the refund queue
 * and the idempotency keys all hold it, one at a time. Reentrant.
 */
final class StoreLock {

  private final ReentrantLock lock = new ReentrantLock();

  /** Runs {@code action} holding the lock. */
  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
