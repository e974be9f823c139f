package com.parkora.reservation.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.StoredEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place that knows the wire form of events: the snake_case payloads of docs/events.md (the
 * {@code data} column, readable by the Python service and back) and the message envelope of §6
 * (RabbitMQ bodies, dumps, the embedded store's journal).
 *
 * <p>Reading is lenient where the Python service was loose (numbers as strings, times without an
 * offset are UTC); writing is exact.
 */
public final class EventCodec {

  private final ObjectMapper json;
  private final ObjectReader oneValue;

  public EventCodec() {
    this.json = JsonMapper.builder().build();
    this.oneValue = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  // ---- payload (the data column) ----

  public ObjectNode payload(ReservationEvent event) {
    ObjectNode data = json.createObjectNode();
    data.put("id", event.reservationId().toString());
    if (event instanceof ReservationCreated created) {
      return WirePayload.created(data, created);
    }
    data.put("status", WirePayload.status(EventType.of(event)));
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
    }
    return data;
  }

  public String payloadText(ReservationEvent event) {
    return write(payload(event));
  }

  /**
   * Reads a stored payload. {@code aggregateId}, {@code tenant} and {@code recordedAt} come from
   * the row and fill what an old payload lacks.
   */
  public ReservationEvent decode(
      String eventType, JsonNode data, UUID aggregateId, TenantId tenant, Instant recordedAt) {
    EventType type =
        EventType.byName(eventType)
            .orElseThrow(
                () ->
                    new EventFormatException(
                        "unknown event type '" + Inputs.clip(eventType) + "'"));
    Payload p = new Payload(data, type);
    return switch (type) {
      case RESERVATION_CREATED -> {
        Instant created = p.instantOr("created_at", recordedAt);
        Instant start = p.instant("start_time");
        int hours = p.integer("duration_hours");
        Instant end = p.instantOr("end_time", start.plusSeconds(3600L * hours));
        yield new ReservationCreated(
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
    };
  }

  public ReservationEvent decode(
      String eventType, String dataText, UUID aggregateId, TenantId tenant, Instant recordedAt) {
    return decode(eventType, read(dataText), aggregateId, tenant, recordedAt);
  }

  // ---- message envelope (§6) ----

  /**
   * {@code
   * {"event_id","event_type","reservation_id","tenant_id","version","position","occurred_at","data"}}.
   */
  public ObjectNode message(StoredEvent event) {
    ObjectNode m = json.createObjectNode();
    m.put("event_id", event.eventId().toString());
    m.put("event_type", event.type().name());
    m.put("reservation_id", event.aggregateId().toString());
    m.put("tenant_id", event.tenantId().toString());
    m.put("version", event.version());
    m.put("position", event.position());
    m.put("occurred_at", Times.format(event.createdAt()));
    m.set("data", payload(event.event()));
    if (!event.metadata().isEmpty()) {
      ObjectNode meta = m.putObject("metadata");
      event.metadata().forEach(meta::put);
    }
    return m;
  }

  public String messageLine(StoredEvent event) {
    return write(message(event));
  }

  /** Reads a message (a dump line); the position is the source store's, kept for reference. */
  public StoredEvent fromMessage(String line) {
    JsonNode m = read(line);
    if (!m.isObject()) {
      throw new EventFormatException("an event line must be a JSON object");
    }
    Payload p = new Payload(m, null);
    UUID aggregateId = p.uuid("reservation_id");
    TenantId tenant = new TenantId(p.uuid("tenant_id"));
    Instant at = p.instant("occurred_at");
    JsonNode data = m.get("data");
    if (data == null || !data.isObject()) {
      throw new EventFormatException("event " + p.text("event_id") + " has no data object");
    }
    ReservationEvent event = decode(p.text("event_type"), data, aggregateId, tenant, at);
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode meta = m.get("metadata");
    if (meta != null && meta.isObject()) {
      meta.properties().forEach(f -> metadata.put(f.getKey(), f.getValue().asText()));
    }
    return new StoredEvent(
        p.uuid("event_id"),
        aggregateId,
        tenant,
        p.integer("version"),
        m.path("position").asLong(0),
        event,
        metadata,
        at);
  }

  // ---- metadata column ----

  public String metadataText(Map<String, String> metadata) {
    return write(json.valueToTree(metadata));
  }

  public Map<String, String> metadata(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    JsonNode node = read(text);
    if (node.isObject()) {
      node.properties()
          .forEach(
              f ->
                  out.put(
                      f.getKey(),
                      f.getValue().isValueNode()
                          ? f.getValue().asText()
                          : f.getValue().toString()));
    }
    return out;
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new EventFormatException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /** Exactly one JSON value: {@code {...} trailing} is not an event. */
  private JsonNode read(String text) {
    try {
      return oneValue.readTree(text);
    } catch (JsonProcessingException e) {
      throw new EventFormatException("not valid JSON: " + e.getOriginalMessage());
    }
  }
}
