package com.parkora.reservation.app;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.util.UUID;

/**
 * The rules of {@code Idempotency-Key}: a key is claimed before its request runs; the same key with
 * the same request while the first still runs waits for its answer (at most {@link #wait}, then
 * IDEMPOTENCY_IN_PROGRESS); with another request it is IDEMPOTENCY_KEY_REUSED. Keys are kept {@link
 * #ttl} and purged afterwards. A claim left unanswered longer than {@link #lease} (its instance
 * died before committing) is taken over by the next request of the same key.
 */
public final class Idempotency {

  /** How many keys one purge pass removes at most. */
  public static final int PURGE_BATCH = 500;

  private final Storage storage;
  private final CommandClock clock;
  private final Duration ttl;
  private final Duration lease;
  private final Duration wait;

  Idempotency(Storage storage, CommandClock clock, Duration ttl, Duration callLimit) {
    this.storage = storage;
    this.clock = clock;
    this.ttl = ttl;
    this.wait = callLimit.plusSeconds(5);
    this.lease = callLimit.multipliedBy(2).plusMinutes(1);
  }

  /** How long keys and their answers are kept. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Claims {@code key} for a request of {@code fingerprint}, waiting while the same request runs
   * elsewhere.
   *
   * @return {@link Claim.Claimed} (run it and keep its answer) or {@link Claim.Answered} (replay)
   * @throws ReservationException.IdempotencyKeyReused for another request with that key
   * @throws ReservationException.IdempotencyInProgress when the first is still running after the
   *     wait
   */
  public Claim begin(IdempotencyKey key, String fingerprint) {
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 5;
    while (true) {
      var now = clock.now();
      Claim claim =
          store()
              .claim(
                  new IdempotencyStore.ClaimRequest(
                      key, fingerprint, now, now.minus(ttl), now.minus(lease)));
      switch (claim) {
        case Claim.Claimed claimed -> {
          return claimed;
        }
        case Claim.Answered answered -> {
          return answered;
        }
        case Claim.Reused reused ->
            throw new ReservationException.IdempotencyKeyReused(
                "This Idempotency-Key was used for another request: use a new key for a new"
                    + " operation");
        case Claim.Running running -> {
          if (System.nanoTime() > deadline) {
            throw new ReservationException.IdempotencyInProgress(
                "A request with this Idempotency-Key is still running: retry later");
          }
        }
      }
      sleep(pause);
      pause = Math.min(pause * 2, 200);
    }
  }

  /** Keeps an answer that caused no events; false when the claim was lost meanwhile. */
  public boolean complete(KeptAnswer answer) {
    return store().complete(answer);
  }

  /** Gives the key up unanswered: the next request with it runs again. */
  public void release(IdempotencyKey key, UUID claim) {
    store().release(key, claim);
  }

  /** Removes the keys older than the TTL, batch by batch; answers how many. */
  public int purgeExpired() {
    int total = 0;
    int removed;
    do {
      removed = store().purge(clock.now().minus(ttl), PURGE_BATCH);
      total += removed;
    } while (removed == PURGE_BATCH);
    return total;
  }

  private IdempotencyStore store() {
    return storage.idempotency();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReservationException.Internal("interrupted while waiting for a request", e);
    }
  }
}
