package com.parkora.reservation.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.Inputs;
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
import com.parkora.reservation.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads an event from its type and payload (docs/events.md), leniently where the Python service was
 * loose: {@code aggregateId}, {@code tenant} and {@code recordedAt} come from the row and fill what
 * an old payload lacks.
 */
final class PayloadReader {

  private PayloadReader() {}

  static ReservationEvent read(
      String eventType, JsonNode data, UUID aggregateId, TenantId tenant, Instant recordedAt) {
    EventType type =
        EventType.byName(eventType)
            .orElseThrow(
                () ->
                    new EventFormatException(
                        "unknown event type '" + Inputs.clip(eventType) + "'"));
    Payload p = new Payload(data, type);
    return switch (type) {
      case RESERVATION_CREATED -> created(p, aggregateId, tenant, recordedAt);
      case RESERVATION_CONFIRMED ->
          new ReservationConfirmed(aggregateId, p.optionalText("transaction_id"), recordedAt);
      case PAYMENT_PROCESSED ->
          new PaymentProcessed(aggregateId, p.optionalText("transaction_id"), recordedAt);
      case RESERVATION_CANCELLED ->
          new ReservationCancelled(
              aggregateId, p.optionalText("reason"), p.optionalText("refund_id"), recordedAt);
      case RESERVATION_COMPLETED -> new ReservationCompleted(aggregateId, recordedAt);
      case RESERVATION_EXPIRED -> new ReservationExpired(aggregateId, recordedAt);
      case PAYMENT_FAILED ->
          new PaymentFailed(
              aggregateId, p.optionalText("error_code"), p.optionalText("message"), recordedAt);
      case RESERVATION_DELETED -> new ReservationDeleted(aggregateId, recordedAt);
      case PAYMENT_CLAIMED ->
          new PaymentClaimed(aggregateId, p.uuid("attempt_id"), p.money("amount"), recordedAt);
      case PAYMENT_RELEASED ->
          new PaymentReleased(
              aggregateId, p.uuid("attempt_id"), p.optionalText("reason"), recordedAt);
      case PAYMENT_OUTCOME_UNKNOWN ->
          new PaymentOutcomeUnknown(
              aggregateId, p.uuid("attempt_id"), p.optionalText("reason"), recordedAt);
      case PAYMENT_SETTLED ->
          new PaymentSettled(
              aggregateId,
              p.uuid("attempt_id"),
              p.optionalText("transaction_id"),
              p.optionalText("source"),
              recordedAt);
      case REFUND_REQUESTED ->
          new RefundRequested(
              aggregateId,
              p.text("transaction_id"),
              p.money("amount"),
              p.optionalText("reason"),
              p.optionalText("attempt_id") == null ? null : p.uuid("attempt_id"),
              recordedAt);
      case REFUND_FAILED ->
          new RefundFailed(
              aggregateId,
              p.text("transaction_id"),
              p.integer("attempt"),
              p.optionalText("error_code"),
              p.optionalText("message"),
              p.instant("next_attempt_at"),
              recordedAt);
      case REFUND_COMPLETED ->
          new RefundCompleted(
              aggregateId, p.text("transaction_id"), p.optionalText("refund_id"), recordedAt);
      case REFUND_REFUSED ->
          new ReservationEvent.RefundRefused(
              aggregateId,
              p.text("transaction_id"),
              p.integer("attempt"),
              p.optionalText("error_code"),
              p.optionalText("message"),
              recordedAt);
    };
  }

  /** The Python service's row: its end and creation time may be missing. */
  private static ReservationCreated created(
      Payload p, UUID aggregateId, TenantId tenant, Instant recordedAt) {
    Instant created = p.instantOr("created_at", recordedAt);
    Instant start = p.instant("start_time");
    int hours = p.integer("duration_hours");
    Instant end = p.instantOr("end_time", start.plusSeconds(3600L * hours));
    return new ReservationCreated(
        aggregateId,
        tenant,
        p.uuid("user_id"),
        p.text("parking_spot_id"),
        start,
        end,
        hours,
        p.money("total_cost"),
        created);
  }
}
