package com.parkora.reservation.port;

import java.util.List;
import java.util.UUID;

/**
 * How a store writes what {@link UnitOfWork#record} decided: events appended to one stream and the
 * read-model and refund-queue writes projected from them, in the unit of work's transaction. A
 * store may send them all at once (PostgreSQL: one round trip); {@link #oneByOne} writes them one
 * after the other through the log, the read model and the queue.
 */
@FunctionalInterface
public interface Recorder {

  /** The writes that a stream's new events project, in the events' order. */
  record Projection(List<ReadModelWrite> rows, List<RefundWrite> refunds) {
    public Projection {
      rows = List.copyOf(rows);
      refunds = List.copyOf(refunds);
    }
  }

  /**
   * Appends {@code events} as {@link EventLog#append} does and writes {@code projection}. A store
   * may send them later in the unit of work, up to its commit, and only then throw what follows.
   *
   * @throws com.parkora.reservation.domain.ReservationException.Conflict when the stream moved on
   * @throws com.parkora.reservation.domain.ReservationException.SlotUnavailable when a projected
   *     row would overlap an active reservation of the same spot (a store may also signal it with
   *     an exception of its own that its unit of work turns into SLOT_UNAVAILABLE)
   */
  void record(UUID aggregateId, long expectedVersion, List<NewEvent> events, Projection projection);

  /** Appends through {@code log}, then applies each row write and each refund write. */
  static Recorder oneByOne(EventLog log, WritableReadModel readModel, WritableRefundQueue refunds) {
    return (aggregateId, expectedVersion, events, projection) -> {
      log.append(aggregateId, expectedVersion, events);
      projection.rows().forEach(readModel::apply);
      projection.refunds().forEach(refunds::apply);
    };
  }
}
