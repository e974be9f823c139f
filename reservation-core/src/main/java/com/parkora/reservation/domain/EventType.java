package com.parkora.reservation.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The event type names stored in {@code event_store.event_type} and published to RabbitMQ, and the
 * one table of which status follows which event: {@link Reservation#evolve}, the projector and the
 * codec all read it.
 */
public enum EventType {
  RESERVATION_CREATED(ReservationStatus.PENDING),
  RESERVATION_CONFIRMED(ReservationStatus.CONFIRMED),
  RESERVATION_CANCELLED(ReservationStatus.CANCELLED),
  RESERVATION_COMPLETED(ReservationStatus.COMPLETED),
  RESERVATION_EXPIRED(ReservationStatus.EXPIRED),
  PAYMENT_PROCESSED(ReservationStatus.CONFIRMED),
  /** A failed payment leaves the reservation as it was (PENDING: only those are charged). */
  PAYMENT_FAILED(null),
  /** A deletion keeps the last status in the stream; the read model drops the row. */
  RESERVATION_DELETED(null),
  /** The payment and refund facts the Python service could not express keep the status. */
  PAYMENT_CLAIMED(null),
  PAYMENT_RELEASED(null),
  PAYMENT_OUTCOME_UNKNOWN(null),
  PAYMENT_SETTLED(null),
  REFUND_REQUESTED(null),
  REFUND_FAILED(null),
  REFUND_COMPLETED(null),
  REFUND_REFUSED(null);

  private final ReservationStatus resultingStatus;

  EventType(ReservationStatus resultingStatus) {
    this.resultingStatus = resultingStatus;
  }

  /** The status right after an event of this type, or null when the reservation keeps its own. */
  public ReservationStatus resultingStatus() {
    return resultingStatus;
  }

  /** The status after an event of this type, for a reservation that had {@code before}. */
  public ReservationStatus statusAfter(ReservationStatus before) {
    return resultingStatus == null ? before : resultingStatus;
  }

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
      case ReservationEvent.PaymentClaimed e -> PAYMENT_CLAIMED;
      case ReservationEvent.PaymentReleased e -> PAYMENT_RELEASED;
      case ReservationEvent.PaymentOutcomeUnknown e -> PAYMENT_OUTCOME_UNKNOWN;
      case ReservationEvent.PaymentSettled e -> PAYMENT_SETTLED;
      case ReservationEvent.RefundRequested e -> REFUND_REQUESTED;
      case ReservationEvent.RefundFailed e -> REFUND_FAILED;
      case ReservationEvent.RefundCompleted e -> REFUND_COMPLETED;
      case ReservationEvent.RefundRefused e -> REFUND_REFUSED;
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
    return "reservation." + name().toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
