package com.parkora.reservation.app;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.StoredEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the events a decision answered into events to append: gives each its id and its metadata.
 * The one place where event metadata is built.
 */
final class NewEvents {

  private final Supplier<UUID> ids;

  NewEvents(Supplier<UUID> ids) {
    this.ids = ids;
  }

  List<NewEvent> of(List<ReservationEvent> changes) {
    return changes.stream().map(change -> new NewEvent(ids.get(), change, metadata())).toList();
  }

  /** What every event of a command carries besides its payload (docs/events.md). */
  private static Map<String, String> metadata() {
    return Map.of("aggregate_type", StoredEvent.AGGREGATE_TYPE);
  }
}
