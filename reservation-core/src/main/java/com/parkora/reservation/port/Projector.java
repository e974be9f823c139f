package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationEvent.ReservationDeleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationExpired;
import com.parkora.reservation.domain.ReservationStatus;
import java.util.Optional;

/**
 * Maps an event to its read-model write, and a refund event to its refund-queue write. Pure: it
 * reads only the event (timestamps included), never the aggregate or the clock, so replaying the
 * log through it reproduces the live read model. Rebuilds take it as an argument, so a projector
 * that changed (or a faulty one, in tests) can be replayed.
 */
public class Projector {

  public ReadModelWrite project(ReservationEvent event) {
    return switch (event) {
      case ReservationCreated e ->
          new ReadModelWrite.Insert(
              new ReservationView(
                  e.reservationId(),
                  e.tenantId(),
                  e.userId(),
                  e.parkingSpotId(),
                  e.startTime(),
                  e.endTime(),
                  e.durationHours(),
                  e.totalCost(),
                  ReservationStatus.PENDING,
                  null,
                  e.occurredAt(),
                  e.occurredAt()));
      case ReservationConfirmed e -> update(e, e.transactionId());
      case PaymentProcessed e -> update(e, e.transactionId());
      case ReservationCancelled e -> update(e, null);
      case ReservationCompleted e -> update(e, null);
      case ReservationExpired e -> update(e, null);
      case PaymentFailed e -> update(e, null);
      case ReservationDeleted e -> new ReadModelWrite.Delete(e.reservationId());
      case ReservationEvent.PaymentClaimed e -> update(e, null);
      case ReservationEvent.PaymentReleased e -> update(e, null);
      case ReservationEvent.PaymentOutcomeUnknown e -> update(e, null);
      case ReservationEvent.PaymentSettled e -> update(e, null);
      case ReservationEvent.RefundRequested e -> update(e, null);
      case ReservationEvent.RefundFailed e -> update(e, null);
      case ReservationEvent.RefundCompleted e -> update(e, null);
      case ReservationEvent.RefundRefused e -> update(e, null);
    };
  }

  /**
   * What a refund event does to the refund queue; empty for every other event. Every type is named
   * (no default), so a new event type must say whether it touches the queue.
   */
  public Optional<RefundWrite> refundWrite(ReservationEvent event) {
    return Optional.ofNullable(
        switch (event) {
          case ReservationEvent.RefundRequested e ->
              new RefundWrite.Owed(
                  e.reservationId(), e.transactionId(), e.amount(), e.reason(), e.occurredAt());
          case ReservationEvent.RefundFailed e ->
              new RefundWrite.Retry(
                  e.transactionId(),
                  e.attempt(),
                  e.nextAttemptAt(),
                  e.errorCode() + ": " + e.message());
          case ReservationEvent.RefundRefused e ->
              new RefundWrite.Refused(
                  e.transactionId(),
                  e.attempt(),
                  e.occurredAt(),
                  e.errorCode() + ": " + e.message());
          case ReservationEvent.RefundCompleted e -> new RefundWrite.Settled(e.transactionId());
          case ReservationCreated e -> null;
          case ReservationConfirmed e -> null;
          case PaymentProcessed e -> null;
          case ReservationCancelled e -> null;
          case ReservationCompleted e -> null;
          case ReservationExpired e -> null;
          case PaymentFailed e -> null;
          case ReservationDeleted e -> null;
          case ReservationEvent.PaymentClaimed e -> null;
          case ReservationEvent.PaymentReleased e -> null;
          case ReservationEvent.PaymentOutcomeUnknown e -> null;
          case ReservationEvent.PaymentSettled e -> null;
        });
  }

  private static ReadModelWrite update(ReservationEvent event, String transactionId) {
    return new ReadModelWrite.Update(
        event.reservationId(), event.resultingStatus(), transactionId, event.occurredAt());
  }
}
