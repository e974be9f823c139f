package com.parkora.reservation.memory;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The data behind {@link InMemoryStorage}; guarded by its lock. */
final class MemoryState {

  /** Every event of every tenant in position order, with its feed position. */
  private final List<FeedEvent> log = new ArrayList<>();

  private final Map<UUID, List<StoredEvent>> streams = new HashMap<>();
  private final Map<UUID, StoredEvent> byEventId = new HashMap<>();
  private final Map<TenantId, List<StoredEvent>> byTenant = new HashMap<>();
  private final Map<TenantId, TenantRows> rows = new HashMap<>();
  private final MemoryKeys keys = new MemoryKeys();
  private final MemoryRefunds refunds;

  MemoryState(MemoryRefunds refunds) {
    this.refunds = refunds;
  }

  MemoryKeys keys() {
    return keys;
  }

  MemoryRefunds refunds() {
    return refunds;
  }

  List<FeedEvent> log() {
    return log;
  }

  long nextPosition() {
    return log.size() + 1L;
  }

  List<StoredEvent> stream(UUID aggregateId) {
    return streams.getOrDefault(aggregateId, List.of());
  }

  StoredEvent event(UUID eventId) {
    return byEventId.get(eventId);
  }

  List<StoredEvent> eventsOf(TenantId tenant) {
    return byTenant.getOrDefault(tenant, List.of());
  }

  void add(FeedEvent entry) {
    StoredEvent event = entry.event();
    log.add(entry);
    streams.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
    byEventId.put(event.eventId(), event);
    byTenant.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add(event);
  }

  /** Undoes the most recent {@link #add}; only called in reverse order of adds. */
  void removeLast(StoredEvent event) {
    log.removeLast();
    List<StoredEvent> stream = streams.get(event.aggregateId());
    stream.removeLast();
    if (stream.isEmpty()) {
      streams.remove(event.aggregateId());
    }
    byEventId.remove(event.eventId());
    byTenant.get(event.tenantId()).removeLast();
  }

  TenantRows rowsOf(TenantId tenant) {
    return rows.computeIfAbsent(tenant, t -> new TenantRows());
  }

  void replaceRows(TenantId tenant, TenantRows replacement) {
    rows.put(tenant, replacement);
  }
}
