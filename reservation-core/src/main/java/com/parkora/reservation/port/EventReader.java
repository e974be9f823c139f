package com.parkora.reservation.port;

import com.parkora.reservation.domain.EventType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the append-only log of one tenant from inside a {@link UnitOfWork} (which alone writes to
 * it, through {@link UnitOfWork#record} and {@link EventLog}). Nothing of another tenant is ever
 * visible through it.
 */
public interface EventReader {

  /** The whole stream, oldest first; empty when it does not exist for this tenant. */
  List<StoredEvent> load(UUID aggregateId);

  /** The stream as it stood at {@code asOf}: events recorded at or before that instant. */
  default List<StoredEvent> loadUpTo(UUID aggregateId, Instant asOf) {
    return load(aggregateId).stream().filter(e -> !e.createdAt().isAfter(asOf)).toList();
  }

  /** The streams that hold an event of {@code type} recorded at or after {@code since}. */
  default List<UUID> streamsWith(EventType type, Instant since) {
    Set<UUID> streams = new LinkedHashSet<>();
    forEach(
        e -> {
          if (e.type() == type && !e.createdAt().isBefore(since)) {
            streams.add(e.aggregateId());
          }
        });
    return List.copyOf(streams);
  }

  /** Streams every event of the tenant in position order, without holding them all in memory. */
  void forEach(Consumer<StoredEvent> consumer);

  /** Counts by aggregate SQL: total, distinct aggregates, per type with a zero for absent types. */
  EventCounts counts();
}
