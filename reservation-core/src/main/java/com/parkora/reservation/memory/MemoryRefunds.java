package com.parkora.reservation.memory;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundFailed;
import com.parkora.reservation.domain.ReservationEvent.RefundRefused;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.RefundQueue.PendingRefund;
import com.parkora.reservation.port.RefundQueue.RefusedRefund;
import com.parkora.reservation.port.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refunds owed, derived from the refund events as they commit (and as a journal replays them):
 * the embedded store's refund queue. Guarded by the storage's lock.
 */
final class MemoryRefunds {

  private final Map<Key, Entry> owed = new LinkedHashMap<>();

  void follow(StoredEvent stored) {
    ReservationEvent event = stored.event();
    if (event instanceof RefundRequested e) {
      owed.putIfAbsent(
          new Key(stored.tenantId(), e.transactionId()),
          new Entry(
              new PendingRefund(
                  stored.tenantId(),
                  e.reservationId(),
                  e.transactionId(),
                  e.amount(),
                  e.reason(),
                  0),
              e.occurredAt(),
              null,
              null,
              null));
    } else if (event instanceof RefundFailed e) {
      owed.computeIfPresent(
          new Key(stored.tenantId(), e.transactionId()),
          (key, entry) ->
              new Entry(
                  withAttempts(entry.refund, Math.max(entry.refund.attempts(), e.attempt())),
                  e.nextAttemptAt(),
                  null,
                  null,
                  null));
    } else if (event instanceof RefundRefused e) {
      owed.computeIfPresent(
          new Key(stored.tenantId(), e.transactionId()),
          (key, entry) ->
              new Entry(
                  withAttempts(entry.refund, Math.max(entry.refund.attempts(), e.attempt())),
                  entry.next,
                  null,
                  e.occurredAt(),
                  e.errorCode() + ": " + e.message()));
    } else if (event instanceof RefundCompleted e) {
      owed.remove(new Key(stored.tenantId(), e.transactionId()));
    }
  }

  List<PendingRefund> takeDue(Instant now, Duration lease, int limit) {
    List<Map.Entry<Key, Entry>> due =
        owed.entrySet().stream()
            .filter(e -> e.getValue().isFree(now) && !e.getValue().next.isAfter(now))
            .filter(e -> e.getValue().refusedAt == null)
            .sorted(Comparator.comparing(e -> e.getValue().next))
            .limit(limit)
            .toList();
    List<PendingRefund> taken = new ArrayList<>();
    for (Map.Entry<Key, Entry> e : due) {
      taken.add(lease(e.getKey(), e.getValue(), now, lease));
    }
    return taken;
  }

  Optional<PendingRefund> take(TenantId tenant, String transactionId, Instant now, Duration lease) {
    Key key = new Key(tenant, transactionId);
    Entry entry = owed.get(key);
    if (entry == null || !entry.isFree(now) || entry.refusedAt != null) {
      return Optional.empty();
    }
    return Optional.of(lease(key, entry, now, lease));
  }

  List<PendingRefund> owedFor(String transactionId) {
    return owed.entrySet().stream()
        .filter(e -> e.getKey().transactionId().equals(transactionId))
        .map(e -> e.getValue().refund)
        .toList();
  }

  long pending() {
    return owed.size();
  }

  List<RefusedRefund> refused(TenantId tenant) {
    return owed.entrySet().stream()
        .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().refusedAt != null)
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparing(Entry::refusedAt))
        .map(
            e ->
                new RefusedRefund(
                    e.refund.reservationId(),
                    e.refund.transactionId(),
                    e.refund.amount(),
                    e.refund.attempts(),
                    e.error,
                    e.refusedAt))
        .toList();
  }

  long refusedCount() {
    return owed.values().stream().filter(e -> e.refusedAt != null).count();
  }

  private PendingRefund lease(Key key, Entry entry, Instant now, Duration lease) {
    PendingRefund taken = withAttempts(entry.refund, entry.refund.attempts() + 1);
    owed.put(key, new Entry(taken, entry.next, now.plus(lease), null, entry.error));
    return taken;
  }

  private static PendingRefund withAttempts(PendingRefund r, int attempts) {
    return new PendingRefund(
        r.tenant(), r.reservationId(), r.transactionId(), r.amount(), r.reason(), attempts);
  }

  private record Key(TenantId tenant, String transactionId) {}

  private record Entry(
      PendingRefund refund, Instant next, Instant leasedUntil, Instant refusedAt, String error) {
    boolean isFree(Instant now) {
      return leasedUntil == null || !leasedUntil.isAfter(now);
    }
  }
}
