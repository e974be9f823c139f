package com.parkora.reservation.memory;

import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.port.ReservationView;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One tenant's read model in memory, indexed as the PostgreSQL one is: by id, newest first, by
 * user, and active rows by spot (the overlap check), so no query or insert scans every row.
 */
final class TenantRows {

  /** PostgreSQL's order of uuids: their bytes compared unsigned (UUID.compareTo is signed). */
  static final Comparator<UUID> UUID_ORDER =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  static final Comparator<ReservationView> NEWEST_FIRST =
      Comparator.comparing(ReservationView::createdAt)
          .reversed()
          .thenComparing(ReservationView::id, UUID_ORDER);
  static final Comparator<ReservationView> BY_START =
      Comparator.comparing(ReservationView::startTime)
          .thenComparing(ReservationView::id, UUID_ORDER);

  private final Map<UUID, ReservationView> byId = new HashMap<>();
  private final NavigableSet<ReservationView> newestFirst = new TreeSet<>(NEWEST_FIRST);
  private final Map<UUID, NavigableSet<ReservationView>> byUser = new HashMap<>();
  private final Map<String, NavigableSet<ReservationView>> activeBySpot = new HashMap<>();

  ReservationView get(UUID id) {
    return byId.get(id);
  }

  /** Every row, newest first. */
  Stream<ReservationView> newestFirst() {
    return newestFirst.stream();
  }

  Stream<ReservationView> ofUser(UUID userId) {
    NavigableSet<ReservationView> rows = byUser.get(userId);
    return rows == null ? Stream.empty() : rows.stream();
  }

  /** Active rows of a spot overlapping [from, to), by start; a null bound is open. */
  List<ReservationView> activeOverlapping(String spot, Instant from, Instant to) {
    NavigableSet<ReservationView> rows = activeBySpot.get(spot);
    if (rows == null) {
      return List.of();
    }
    return rows.stream()
        .filter(r -> from == null || r.endTime().isAfter(from))
        .filter(r -> to == null || r.startTime().isBefore(to))
        .toList();
  }

  /**
   * Up to {@code limit} PENDING rows created at or before {@code createdBefore} or ending at or
   * before {@code endBefore}, oldest first.
   */
  List<UUID> pendingDue(Instant createdBefore, Instant endBefore, int limit) {
    return newestFirst.stream()
        .filter(r -> r.status() == ReservationStatus.PENDING)
        .filter(r -> !r.createdAt().isAfter(createdBefore) || !r.endTime().isAfter(endBefore))
        .sorted(
            Comparator.comparing(ReservationView::createdAt)
                .thenComparing(ReservationView::id, UUID_ORDER))
        .limit(limit)
        .map(ReservationView::id)
        .toList();
  }

  /** Adds or replaces a row. */
  void put(ReservationView row) {
    remove(row.id());
    byId.put(row.id(), row);
    newestFirst.add(row);
    byUser.computeIfAbsent(row.userId(), u -> new TreeSet<>(NEWEST_FIRST)).add(row);
    if (row.status().isActive()) {
      activeBySpot.computeIfAbsent(row.parkingSpotId(), s -> new TreeSet<>(BY_START)).add(row);
    }
  }

  void remove(UUID id) {
    ReservationView row = byId.remove(id);
    if (row == null) {
      return;
    }
    newestFirst.remove(row);
    removeFrom(byUser, row.userId(), row);
    if (row.status().isActive()) {
      removeFrom(activeBySpot, row.parkingSpotId(), row);
    }
  }

  private static <K> void removeFrom(
      Map<K, NavigableSet<ReservationView>> index, K key, ReservationView row) {
    NavigableSet<ReservationView> rows = index.get(key);
    rows.remove(row);
    if (rows.isEmpty()) {
      index.remove(key);
    }
  }
}
