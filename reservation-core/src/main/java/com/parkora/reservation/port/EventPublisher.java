package com.parkora.reservation.port;

import java.util.List;

/** Sends committed events to subscribers (RabbitMQ, docs/notifications.md). At least once. */
@FunctionalInterface
public interface EventPublisher {

  /** Publishes one event and returns once the broker has confirmed it; throws when it has not. */
  void publish(StoredEvent event);

  /**
   * Publishes the events in order and returns once the broker has confirmed every one; throws when
   * any is not confirmed (some may still have been delivered: consumers deduplicate).
   */
  default void publishAll(List<StoredEvent> events) {
    events.forEach(this::publish);
  }
}
