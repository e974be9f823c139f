package com.parkora.reservation.port;

import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as the store holds it: its id, stream, version (1..n per reservation), global position
 * and the time it was recorded ({@code created_at}, equal to the event's occurredAt).
 */
public record StoredEvent(
    UUID eventId,
    UUID aggregateId,
    TenantId tenantId,
    long version,
    long position,
    ReservationEvent event,
    Map<String, String> metadata,
    Instant createdAt) {

  public static final String AGGREGATE_TYPE = "Reservation";

  public StoredEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(createdAt, "createdAt");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public EventType type() {
    return EventType.of(event);
  }
}
