package com.parkora.reservation.port;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The append-only log of one tenant, as seen from inside a {@link UnitOfWork}. Nothing of another
 * tenant is ever visible through it.
 */
public interface EventStore {

  /**
   * Appends events to a stream whose current version must be {@code expectedVersion} (0 for a new
   * stream). Versions continue without a hole.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when the stream moved on
   *     (or, for a new stream, the id is taken); the unit of work must then be abandoned
   */
  List<StoredEvent> append(UUID aggregateId, long expectedVersion, List<NewEvent> events);

  /** The whole stream, oldest first; empty when it does not exist for this tenant. */
  List<StoredEvent> load(UUID aggregateId);

  /** The stream up to and including {@code version}. */
  default List<StoredEvent> loadUpToVersion(UUID aggregateId, long version) {
    return load(aggregateId).stream().filter(e -> e.version() <= version).toList();
  }

  /** The stream as it stood at {@code asOf}: events recorded at or before that instant. */
  default List<StoredEvent> loadUpTo(UUID aggregateId, Instant asOf) {
    return load(aggregateId).stream().filter(e -> !e.createdAt().isAfter(asOf)).toList();
  }

  /** Streams every event of the tenant in position order, without holding them all in memory. */
  void forEach(Consumer<StoredEvent> consumer);

  /** Counts by aggregate SQL: total, distinct aggregates, per type with a zero for absent types. */
  EventCounts counts();

  /**
   * Appends an event that already has an id, version and time (an import, a replayed journal).
   * Answers false and writes nothing when an event with that id exists.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when its version is taken
   *     by another event
   */
  boolean importEvent(StoredEvent event);
}
