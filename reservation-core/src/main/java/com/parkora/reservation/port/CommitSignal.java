package com.parkora.reservation.port;

import java.time.Duration;

/**
 * Tells a reader of the feed that events may have been committed, so it need not poll often. A
 * signal may come without new events, and events may come without a signal (readers still poll).
 */
public interface CommitSignal extends AutoCloseable {

  /** A signal that never comes: readers only poll. */
  CommitSignal NONE =
      new CommitSignal() {
        @Override
        public void await(Duration timeout) throws InterruptedException {
          Thread.sleep(timeout);
        }

        @Override
        public void close() {}
      };

  /**
   * Returns when a commit was signalled since the previous call, or after {@code timeout}.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void await(Duration timeout) throws InterruptedException;

  /** Wakes a thread blocked in {@link #await} (used when stopping). */
  default void wakeUp() {}

  @Override
  void close();
}
