package com.parkora.reservation.cli;

import java.time.Duration;

/**
 * Waits for a condition with a generous deadline: a test states what it waits for, not how long.
 */
final class Polling {

  static final Duration DEADLINE = Duration.ofSeconds(30);

  /** A check that may throw. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  private Polling() {}

  static void until(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "gave up waiting, after " + DEADLINE.toSeconds() + " s, for " + what);
      }
      Thread.sleep(20);
    }
  }
}
