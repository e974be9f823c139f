package com.parkora.reservation.domain;

import java.util.Optional;

/** The event type names stored in {@code event_store.event_type} and published to RabbitMQ. */
public enum EventType {
  RESERVATION_CREATED,
  RESERVATION_CONFIRMED,
  RESERVATION_CANCELLED,
  RESERVATION_COMPLETED,
  RESERVATION_EXPIRED,
  PAYMENT_PROCESSED,
  PAYMENT_FAILED,
  RESERVATION_DELETED;

  public static EventType of(ReservationEvent event) {
    return switch (event) {
      case ReservationEvent.ReservationCreated e -> RESERVATION_CREATED;
      case ReservationEvent.ReservationConfirmed e -> RESERVATION_CONFIRMED;
      case ReservationEvent.ReservationCancelled e -> RESERVATION_CANCELLED;
      case ReservationEvent.ReservationCompleted e -> RESERVATION_COMPLETED;
      case ReservationEvent.ReservationExpired e -> RESERVATION_EXPIRED;
      case ReservationEvent.PaymentProcessed e -> PAYMENT_PROCESSED;
      case ReservationEvent.PaymentFailed e -> PAYMENT_FAILED;
      case ReservationEvent.ReservationDeleted e -> RESERVATION_DELETED;
    };
  }

  public static Optional<EventType> byName(String name) {
    for (EventType type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * RabbitMQ routing key per docs/notifications.md, to the letter: {@code reservation.} and the
   * type in lower case with {@code _} as {@code .} ({@code reservation.payment.processed}).
   */
  public String routingKey() {
    return "reservation." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
  }
}
