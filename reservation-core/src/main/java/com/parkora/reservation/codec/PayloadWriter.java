package com.parkora.reservation.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.PaymentClaimed;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentOutcomeUnknown;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.PaymentReleased;
import com.parkora.reservation.domain.ReservationEvent.PaymentSettled;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundFailed;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationEvent.ReservationDeleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationExpired;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.Times;

/**
 * Writes an event's payload (the {@code data} column, docs/events.md): the Python service's row for
 * a creation, the reservation id, the status that follows and the event's own fields otherwise.
 */
final class PayloadWriter {

  private PayloadWriter() {}

  /** Fills {@code data} (an empty object) with the payload of {@code event}. */
  static ObjectNode write(ObjectNode data, ReservationEvent event) {
    data.put("id", event.reservationId().toString());
    if (event instanceof ReservationCreated created) {
      return created(data, created);
    }
    data.put("status", status(EventType.of(event)));
    switch (event) {
      case ReservationCreated e -> throw new IllegalStateException("written above");
      case ReservationConfirmed e -> data.put("transaction_id", e.transactionId());
      case PaymentProcessed e -> data.put("transaction_id", e.transactionId());
      case ReservationCancelled e -> {
        data.put("reason", e.reason());
        data.put("refund_id", e.refundId());
      }
      case ReservationCompleted e -> {}
      case ReservationExpired e -> {}
      case PaymentFailed e -> {
        data.put("error_code", e.errorCode());
        data.put("message", e.message());
      }
      case ReservationDeleted e -> {}
      case PaymentClaimed e -> {
        data.put("attempt_id", e.attemptId().toString());
        data.put("amount", e.amount());
      }
      case PaymentReleased e -> {
        data.put("attempt_id", e.attemptId().toString());
        data.put("reason", e.reason());
      }
      case PaymentOutcomeUnknown e -> {
        data.put("attempt_id", e.attemptId().toString());
        data.put("reason", e.reason());
      }
      case PaymentSettled e -> {
        data.put("attempt_id", e.attemptId().toString());
        data.put("transaction_id", e.transactionId());
        data.put("source", e.source());
      }
      case RefundRequested e -> {
        data.put("transaction_id", e.transactionId());
        data.put("amount", e.amount());
        data.put("reason", e.reason());
        data.put("attempt_id", e.attemptId() == null ? null : e.attemptId().toString());
      }
      case RefundFailed e -> {
        data.put("transaction_id", e.transactionId());
        data.put("attempt", e.attempt());
        data.put("error_code", e.errorCode());
        data.put("message", e.message());
        data.put("next_attempt_at", Times.format(e.nextAttemptAt()));
      }
      case RefundCompleted e -> {
        data.put("transaction_id", e.transactionId());
        data.put("refund_id", e.refundId());
      }
      case ReservationEvent.RefundRefused e -> {
        data.put("transaction_id", e.transactionId());
        data.put("attempt", e.attempt());
        data.put("error_code", e.errorCode());
        data.put("message", e.message());
      }
    }
    return data;
  }

  /** The columns of the Python service's row, in its order. */
  private static ObjectNode created(ObjectNode data, ReservationCreated e) {
    data.put("tenant_id", e.tenantId().toString());
    data.put("user_id", e.userId().toString());
    data.put("parking_spot_id", e.parkingSpotId());
    data.put("start_time", Times.format(e.startTime()));
    data.put("end_time", Times.format(e.endTime()));
    data.put("duration_hours", e.durationHours());
    data.put("total_cost", e.totalCost());
    data.put("status", status(EventType.RESERVATION_CREATED));
    data.putNull("transaction_id");
    data.put("created_at", Times.format(e.occurredAt()));
    data.put("updated_at", Times.format(e.occurredAt()));
    return data;
  }

  /**
   * The {@code status} of a payload (docs/events.md): the status that follows the event; a failed
   * payment leaves a PENDING reservation PENDING, and a deletion says DELETED.
   */
  private static String status(EventType type) {
    if (type == EventType.RESERVATION_DELETED) {
      return "DELETED";
    }
    return type.statusAfter(ReservationStatus.PENDING).name();
  }
}
