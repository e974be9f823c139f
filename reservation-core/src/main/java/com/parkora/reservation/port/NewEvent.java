package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationEvent;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** An event about to be appended: the store assigns its version and position. */
public record NewEvent(UUID eventId, ReservationEvent event, Map<String, String> metadata) {

  public NewEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(event, "event");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
