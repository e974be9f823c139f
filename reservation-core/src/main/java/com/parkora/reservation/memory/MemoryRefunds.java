package com.parkora.reservation.memory;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.RefundWrite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded store's refund queue: the refunds owed, written by the units of work that record
 * refund events (and by a journal's replay of them) through {@link MemoryTransaction}, under the
 * storage's lock, which every read and take here holds too.
 */
final class MemoryRefunds implements RefundQueue {

  private final StoreLock lock;
  private final Map<Key, Entry> owed = new LinkedHashMap<>();

  MemoryRefunds(StoreLock lock) {
    this.lock = lock;
  }

  /** Applies a projected write of {@code tenant}'s; answers what undoes it. */
  Runnable apply(TenantId tenant, RefundWrite write) {
    Key key = new Key(tenant, write.transactionId());
    Entry before = owed.get(key);
    switch (write) {
      case RefundWrite.Owed o ->
          owed.putIfAbsent(
              key,
              new Entry(
                  new PendingRefund(
                      tenant, o.reservationId(), o.transactionId(), o.amount(), o.reason(), 0),
                  o.dueAt(),
                  null,
                  null,
                  null));
      case RefundWrite.Retry r ->
          owed.computeIfPresent(
              key, (k, e) -> e.attempted(r.attempt()).due(r.nextAttemptAt(), null, r.error()));
      case RefundWrite.Refused r ->
          owed.computeIfPresent(
              key, (k, e) -> e.attempted(r.attempt()).due(e.next, r.refusedAt(), r.error()));
      case RefundWrite.Settled s -> owed.remove(key);
    }
    return () -> {
      if (before == null) {
        owed.remove(key);
      } else {
        owed.put(key, before);
      }
    };
  }

  @Override
  public List<PendingRefund> takeDue(Instant now, Duration lease, int limit) {
    return locked(
        () -> {
          List<Map.Entry<Key, Entry>> due =
              owed.entrySet().stream()
                  .filter(e -> e.getValue().isTakeable(now) && !e.getValue().next.isAfter(now))
                  .sorted(Comparator.comparing(e -> e.getValue().next))
                  .limit(limit)
                  .toList();
          List<PendingRefund> taken = new ArrayList<>();
          for (Map.Entry<Key, Entry> e : due) {
            taken.add(lease(e.getKey(), e.getValue(), now, lease));
          }
          return taken;
        });
  }

  @Override
  public Optional<PendingRefund> take(
      TenantId tenant, String transactionId, Instant now, Duration lease) {
    Key key = new Key(tenant, transactionId);
    return locked(
        () ->
            Optional.ofNullable(owed.get(key))
                .filter(entry -> entry.isTakeable(now))
                .map(entry -> lease(key, entry, now, lease)));
  }

  @Override
  public List<PendingRefund> owedFor(String transactionId) {
    return locked(
        () ->
            owed.entrySet().stream()
                .filter(e -> e.getKey().transactionId().equals(transactionId))
                .map(e -> e.getValue().refund)
                .toList());
  }

  @Override
  public long pending() {
    return locked(() -> (long) owed.size());
  }

  @Override
  public List<RefusedRefund> refused(TenantId tenant) {
    return locked(
        () ->
            owed.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant) && e.getValue().refusedAt != null)
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(Entry::refusedAt))
                .map(Entry::asRefused)
                .toList());
  }

  @Override
  public long refusedCount() {
    return locked(() -> owed.values().stream().filter(e -> e.refusedAt != null).count());
  }

  private PendingRefund lease(Key key, Entry entry, Instant now, Duration lease) {
    Entry taken = entry.attempted(entry.refund.attempts() + 1);
    owed.put(key, new Entry(taken.refund, entry.next, now.plus(lease), null, entry.error));
    return taken.refund;
  }

  private <T> T locked(Supplier<T> action) {
    return lock.locked(action);
  }

  private record Key(TenantId tenant, String transactionId) {}

  private record Entry(
      PendingRefund refund, Instant next, Instant leasedUntil, Instant refusedAt, String error) {

    /** Not refused and nobody holds its lease. */
    boolean isTakeable(Instant now) {
      return refusedAt == null && (leasedUntil == null || !leasedUntil.isAfter(now));
    }

    /** The attempts counted at least up to {@code attempt}. */
    Entry attempted(int attempt) {
      PendingRefund r = refund;
      int attempts = Math.max(r.attempts(), attempt);
      return new Entry(
          new PendingRefund(
              r.tenant(), r.reservationId(), r.transactionId(), r.amount(), r.reason(), attempts),
          next,
          leasedUntil,
          refusedAt,
          error);
    }

    /**
     * Free of any lease, due at {@code at}, with the last {@code error}; refused when {@code
     * refused} is not null (as PostgreSQL's queue keeps them).
     */
    Entry due(Instant at, Instant refused, String error) {
      return new Entry(refund, at, null, refused, error);
    }

    RefusedRefund asRefused() {
      return new RefusedRefund(
          refund.reservationId(),
          refund.transactionId(),
          refund.amount(),
          refund.attempts(),
          error,
          refusedAt);
    }
  }
}
