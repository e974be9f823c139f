package com.parkora.reservation.contract;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting for a latch where a checked exception cannot go: in a unit of work, in a lambda. */
public final class Latches {

  private Latches() {}

  /**
   * Waits up to {@code patience}; a latch still closed then fails the test with {@code failure}.
   */
  public static void await(CountDownLatch latch, Duration patience, String failure) {
    try {
      if (!latch.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(failure + " within " + patience);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
