package com.parkora.reservation.port;

/** Sends committed events to subscribers (RabbitMQ, docs/notifications.md). At least once. */
@FunctionalInterface
public interface EventPublisher {

  /** Publishes one event and returns once the broker has confirmed it; throws when it has not. */
  void publish(StoredEvent event);
}
