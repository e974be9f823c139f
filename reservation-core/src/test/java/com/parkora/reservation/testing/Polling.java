package com.parkora.reservation.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waits for what a test expects to happen, with a deadline: a test states what it waits for, not
 * how long (Awaitility, polled every 20 ms on the test's own thread). Every module's tests wait
 * through this one helper; a wait that gives up fails naming what it waited for.
 */
public final class Polling {

  /** Generous: the machine running the tests may be loaded, and no test measures speed. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private Polling() {}

  /** Waits up to {@link #DEADLINE} for {@code what}; finish with {@code until(...)}. */
  public static ConditionFactory await(String what) {
    return Awaitility.await(what)
        .atMost(DEADLINE)
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20));
  }
}
