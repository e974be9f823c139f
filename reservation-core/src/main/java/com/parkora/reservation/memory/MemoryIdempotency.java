package com.parkora.reservation.memory;

import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.KeptAnswer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@link IdempotencyStore} of the embedded store: {@link MemoryKeys} under the store's lock; an
 * answer that caused no events is journaled on a line of its own.
 */
record MemoryIdempotency(MemoryKeys keys, InMemoryStorage.CommitLog journal, StoreLock lock)
    implements IdempotencyStore {

  @Override
  public Claim claim(ClaimRequest request) {
    return lock.locked(() -> keys.claim(request));
  }

  @Override
  public boolean complete(KeptAnswer answer) {
    return lock.locked(
        () -> {
          if (!keys.holds(answer.key(), answer.claim())) {
            return false;
          }
          journal.write(List.of(), answer);
          keys.keep(answer);
          return true;
        });
  }

  @Override
  public void release(IdempotencyKey key, UUID claim) {
    lock.locked(
        () -> {
          keys.release(key, claim);
          return null;
        });
  }

  @Override
  public int purge(Instant expiredBefore, int limit) {
    return lock.locked(() -> keys.purge(expiredBefore, limit));
  }
}
