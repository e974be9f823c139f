package com.parkora.reservation.memory;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.IdempotencyStore.ClaimRequest;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredAnswer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * The idempotency keys of the embedded store, guarded by its lock. Claims live in memory only (a
 * claim lost in a crash is a request that never answered); answers are journaled with the commit
 * that kept them and come back on replay.
 */
final class MemoryKeys {

  /** A key: claimed ({@code answer} null) or answered ({@code claim} null). */
  record Entry(
      String fingerprint, UUID claim, Instant claimedAt, Instant createdAt, StoredAnswer answer) {}

  private final Map<IdempotencyKey, Entry> entries = new HashMap<>();

  Claim claim(ClaimRequest request) {
    Entry entry = entries.get(request.key());
    String fingerprint = request.fingerprint();
    boolean takeOver =
        entry == null
            || !entry.createdAt().isAfter(request.expiredBefore())
            || entry.answer() == null
                && entry.fingerprint().equals(fingerprint)
                && !entry.claimedAt().isAfter(request.staleBefore());
    if (takeOver) {
      UUID claim = UUID.randomUUID();
      Instant now = request.now();
      entries.put(request.key(), new Entry(fingerprint, claim, now, now, null));
      return new Claim.Claimed(claim, now);
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      return new Claim.Reused();
    }
    return entry.answer() == null ? new Claim.Running() : new Claim.Answered(entry.answer());
  }

  /** Whether {@code claim} holds {@code key} unanswered. */
  boolean holds(IdempotencyKey key, UUID claim) {
    Entry entry = entries.get(key);
    return entry != null && entry.answer() == null && claim.equals(entry.claim());
  }

  /**
   * Keeps an answer under its claim; answers the entry it replaced, for an undo.
   *
   * @throws ReservationException.IdempotencyInProgress when the claim is not held
   */
  Entry keep(KeptAnswer kept) {
    if (!holds(kept.key(), kept.claim())) {
      throw lost();
    }
    return entries.put(kept.key(), answered(kept));
  }

  /** Restores an answer read back from the journal. */
  void restore(KeptAnswer kept) {
    entries.put(kept.key(), answered(kept));
  }

  /** Puts back what {@link #keep} replaced. */
  void undo(IdempotencyKey key, Entry before) {
    entries.put(key, before);
  }

  void release(IdempotencyKey key, UUID claim) {
    if (holds(key, claim)) {
      entries.remove(key);
    }
  }

  int purge(Instant expiredBefore, int limit) {
    int removed = 0;
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext() && removed < limit) {
      if (!it.next().createdAt().isAfter(expiredBefore)) {
        it.remove();
        removed++;
      }
    }
    return removed;
  }

  private static Entry answered(KeptAnswer kept) {
    return new Entry(kept.fingerprint(), null, kept.createdAt(), kept.createdAt(), kept.answer());
  }

  static ReservationException lost() {
    return new ReservationException.IdempotencyInProgress(
        "Another request with this Idempotency-Key took it over: retry later");
  }
}
