package com.parkora.reservation.port;

import java.util.List;
import java.util.UUID;

/**
 * The write side of a store's event log, implemented by each store and used only by {@link
 * UnitOfWork}, which projects whatever it writes.
 */
public interface EventLog extends EventReader {

  /**
   * Appends events to a stream whose current version must be {@code expectedVersion} (0 for a new
   * stream). Versions continue without a hole.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when the stream moved on
   *     (or, for a new stream, the id is taken); the unit of work must then be abandoned
   */
  List<StoredEvent> append(UUID aggregateId, long expectedVersion, List<NewEvent> events);

  /**
   * Appends an event that already has an id, version and time (an import, a replayed journal).
   * Answers false and writes nothing when an event with that id exists.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when its version is taken
   *     by another event
   */
  boolean importEvent(StoredEvent event);
}
