package com.parkora.reservation.clients.rabbit;

import java.time.Duration;
import java.util.Objects;

/**
 * This service's queue of the payment service's events (docs/notifications.md): its name (the
 * dead-letter exchange and queue are named after it), how many unacknowledged messages one consumer
 * holds, and how long a message that failed for a passing reason (the store did not answer) waits
 * before it is requeued: {@code firstBackoff}, doubling with each failure in a row up to {@code
 * maxBackoff}.
 */
public record PaymentQueueSettings(
    String queue, int prefetch, Duration firstBackoff, Duration maxBackoff) {

  public static final String QUEUE = "reservation_payments";
  public static final int PREFETCH = 16;

  public static final PaymentQueueSettings DEFAULTS =
      new PaymentQueueSettings(QUEUE, PREFETCH, Duration.ofMillis(200), Duration.ofSeconds(5));

  public PaymentQueueSettings {
    Objects.requireNonNull(queue, "queue");
    if (prefetch < 1) {
      throw new IllegalArgumentException("prefetch must be at least 1");
    }
  }

  public PaymentQueueSettings withQueue(String name) {
    return new PaymentQueueSettings(name, prefetch, firstBackoff, maxBackoff);
  }

  /** The exchange rejected messages go to, with their routing keys (topic, durable). */
  public String deadLetterExchange() {
    return queue + ".dead-letter";
  }

  /** The queue that keeps rejected messages for a person to look at (durable). */
  public String deadLetterQueue() {
    return queue + ".dead";
  }

  /** The wait after {@code failures} passing failures in a row (at least one). */
  Duration backoff(int failures) {
    Duration wait = firstBackoff;
    for (int doubled = 1; doubled < failures && wait.compareTo(maxBackoff) < 0; doubled++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
