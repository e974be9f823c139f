package com.parkora.reservation.app;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns the events a decision answered into events to append: gives each its id and its metadata.
 * The one place where event metadata is built.
 */
final class NewEvents {

  static final String SOURCE = "source";
  static final String USER = "user";
  static final String ROLES = "roles";
  static final String REQUEST_ID = "request_id";

  private final Supplier<UUID> ids;

  NewEvents(Supplier<UUID> ids) {
    this.ids = ids;
  }

  List<NewEvent> of(List<ReservationEvent> changes, Actor actor) {
    Map<String, String> metadata = metadata(actor);
    return changes.stream().map(change -> new NewEvent(ids.get(), change, metadata)).toList();
  }

  /**
   * What every event of a command carries besides its payload (docs/events.md): the Python
   * service's {@code source} and {@code user}, the roles that let the actor act, and the request.
   * The actor's texts were checked as client input when it was made.
   */
  static Map<String, String> metadata(Actor actor) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("aggregate_type", StoredEvent.AGGREGATE_TYPE);
    metadata.put(SOURCE, actor.source());
    metadata.put(USER, actor.subject());
    metadata.put(ROLES, roles(actor));
    if (actor.requestId() != null) {
      metadata.put(REQUEST_ID, actor.requestId());
    }
    return metadata;
  }

  /** The roles, lower case and comma-separated ({@code admin,service}); empty for none. */
  private static String roles(Actor actor) {
    return actor.roles().stream()
        .sorted()
        .map(role -> role.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(","));
  }
}
