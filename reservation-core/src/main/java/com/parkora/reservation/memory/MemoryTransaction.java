package com.parkora.reservation.memory;

import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.EventLog;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.RefundWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.port.UnitOfWork;
import com.parkora.reservation.port.WritableReadModel;
import com.parkora.reservation.port.WritableRefundQueue;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A unit of work on {@link MemoryState}: writes apply at once and are undone on rollback. */
final class MemoryTransaction implements EventLog, WritableReadModel, WritableRefundQueue {

  private static final Comparator<ReservationView> BY_START_DESC =
      Comparator.comparing(ReservationView::startTime)
          .reversed()
          .thenComparing(ReservationView::id, TenantRows.UUID_ORDER);

  private final TenantId tenant;
  private final MemoryState state;
  private final long transactionId;
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private final List<StoredEvent> appended = new ArrayList<>();

  MemoryTransaction(TenantId tenant, MemoryState state, long transactionId) {
    this.tenant = tenant;
    this.state = state;
    this.transactionId = transactionId;
  }

  List<StoredEvent> appended() {
    return appended;
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }

  UnitOfWork unitOfWork() {
    return new UnitOfWork(tenant, this, this, this);
  }

  @Override
  public List<StoredEvent> append(UUID aggregateId, long expectedVersion, List<NewEvent> events) {
    List<StoredEvent> stream = state.stream(aggregateId);
    if (stream.size() != expectedVersion) {
      throw new ReservationException.Conflict(aggregateId, expectedVersion);
    }
    List<StoredEvent> stored = new ArrayList<>();
    long version = expectedVersion;
    for (NewEvent e : events) {
      if (!e.event().reservationId().equals(aggregateId)) {
        throw new IllegalArgumentException(
            "event of " + e.event().reservationId() + " appended to stream " + aggregateId);
      }
      StoredEvent event =
          new StoredEvent(
              e.eventId(),
              aggregateId,
              tenant,
              ++version,
              state.nextPosition(),
              e.event(),
              e.metadata(),
              e.event().occurredAt());
      add(event);
      stored.add(event);
    }
    return stored;
  }

  @Override
  public boolean importEvent(StoredEvent event) {
    if (state.event(event.eventId()) != null) {
      return false;
    }
    if (!event.tenantId().equals(tenant)) {
      throw new IllegalArgumentException(
          "event of tenant " + event.tenantId() + " imported for tenant " + tenant);
    }
    if (state.stream(event.aggregateId()).size() != event.version() - 1) {
      throw new ReservationException.Conflict(event.aggregateId(), event.version() - 1);
    }
    add(
        new StoredEvent(
            event.eventId(),
            event.aggregateId(),
            tenant,
            event.version(),
            state.nextPosition(),
            event.event(),
            event.metadata(),
            event.createdAt()));
    return true;
  }

  private void add(StoredEvent event) {
    state.add(new FeedEvent(new FeedPosition(transactionId, event.position()), event));
    appended.add(event);
    undo.push(() -> state.removeLast(event));
  }

  @Override
  public List<StoredEvent> load(UUID aggregateId) {
    List<StoredEvent> stream = state.stream(aggregateId);
    if (stream.isEmpty() || !stream.getFirst().tenantId().equals(tenant)) {
      return List.of();
    }
    return List.copyOf(stream);
  }

  @Override
  public void forEach(Consumer<StoredEvent> consumer) {
    List.copyOf(state.eventsOf(tenant)).forEach(consumer);
  }

  @Override
  public EventCounts counts() {
    List<StoredEvent> events = state.eventsOf(tenant);
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    HashSet<UUID> aggregates = new HashSet<>();
    for (StoredEvent e : events) {
      byType.merge(e.type(), 1L, Long::sum);
      aggregates.add(e.aggregateId());
    }
    return new EventCounts(events.size(), aggregates.size(), byType);
  }

  private TenantRows rows() {
    return state.rowsOf(tenant);
  }

  @Override
  public Optional<ReservationView> byId(UUID id) {
    return Optional.ofNullable(rows().get(id));
  }

  @Override
  public List<ReservationView> list(ReservationStatus status, UUID userId, int limit, int offset) {
    Stream<ReservationView> candidates =
        userId == null ? rows().newestFirst() : rows().ofUser(userId);
    return candidates
        .filter(r -> status == null || r.status() == status)
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public List<ReservationView> byUser(UUID userId, boolean includeCompleted) {
    return rows()
        .ofUser(userId)
        .filter(r -> includeCompleted || r.status().isActive())
        .sorted(BY_START_DESC)
        .toList();
  }

  @Override
  public List<ReservationView> bySpot(String parkingSpotId, Instant from, Instant to) {
    return rows().activeOverlapping(parkingSpotId, from, to);
  }

  @Override
  public StatusCounts statusCounts() {
    Map<ReservationStatus, Long> counts = new EnumMap<>(ReservationStatus.class);
    rows().newestFirst().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
    return new StatusCounts(counts);
  }

  @Override
  public List<UUID> pendingDue(Instant createdBefore, Instant endBefore, int limit) {
    return rows().pendingDue(createdBefore, endBefore, limit);
  }

  @Override
  public void apply(ReadModelWrite write) {
    TenantRows rows = rows();
    ReservationView before = rows.get(write.id());
    switch (write) {
      case ReadModelWrite.Insert insert -> insert(rows, insert.row());
      case ReadModelWrite.Update update -> {
        if (before == null) {
          return;
        }
        rows.put(
            before.with(
                update.status() == null ? before.status() : update.status(),
                update.transactionId() == null ? before.transactionId() : update.transactionId(),
                update.updatedAt()));
      }
      case ReadModelWrite.Delete delete -> rows.remove(delete.id());
    }
    undo.push(
        () -> {
          if (before == null) {
            rows.remove(write.id());
          } else {
            rows.put(before);
          }
        });
  }

  @Override
  public void apply(RefundWrite write) {
    undo.push(state.refunds().apply(tenant, write));
  }

  private void insert(TenantRows rows, ReservationView row) {
    if (rows.get(row.id()) != null) {
      throw new IllegalStateException("read model already has reservation " + row.id());
    }
    if (row.status().isActive()) {
      List<UUID> conflicts =
          bySpot(row.parkingSpotId(), row.startTime(), row.endTime()).stream()
              .map(ReservationView::id)
              .toList();
      if (!conflicts.isEmpty()) {
        throw new ReservationException.SlotUnavailable(row.parkingSpotId(), conflicts);
      }
    }
    rows.put(row);
  }
}
