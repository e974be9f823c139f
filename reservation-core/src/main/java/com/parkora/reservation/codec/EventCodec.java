package com.parkora.reservation.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.StoredEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one place that knows the wire form of events: the snake_case payloads of docs/events.md (the
 * {@code data} column, readable by the Python service and back) and the message envelope of
 * docs/notifications.md (RabbitMQ bodies, dumps, the embedded store's journal).
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
    return PayloadWriter.write(json.createObjectNode(), event);
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
    return PayloadReader.read(eventType, data, aggregateId, tenant, recordedAt);
  }

  public ReservationEvent decode(
      String eventType, String dataText, UUID aggregateId, TenantId tenant, Instant recordedAt) {
    return decode(eventType, read(dataText), aggregateId, tenant, recordedAt);
  }

  // ---- message envelope (docs/notifications.md) ----

  /**
   * {@code
   * {"event_id","event_type","reservation_id","tenant_id","version","position","occurred_at","data",
   * "metadata"}} (docs/notifications.md; {@code metadata} only when the event has any).
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
    return fromMessage(read(line));
  }

  /** Reads a message already parsed, such as one of the events of a journal's commit line. */
  public StoredEvent fromMessage(JsonNode m) {
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
    return write(metadata);
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

  /** A JSON tree, or a map of strings, as JSON text. */
  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
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
