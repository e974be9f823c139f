package com.parkora.reservation.port;

import java.time.Instant;
import java.util.UUID;

/**
 * The keys of idempotent requests and their answers, kept by the store. A key is claimed in a short
 * transaction of its own; the answer of a request that recorded events is kept in the transaction
 * of those events ({@link UnitOfWork#keepAnswer}), any other answer through {@link #complete}.
 */
public interface IdempotencyStore {

  /** What a claim found. */
  sealed interface Claim {

    /** The key is this request's now: run it. */
    record Claimed(UUID claim, Instant at) implements Claim {}

    /** The key was answered for the same request: replay the answer. */
    record Answered(StoredAnswer answer) implements Claim {}

    /** A request with the same key and fingerprint holds it and has not answered yet. */
    record Running() implements Claim {}

    /** The key was used for another request (another fingerprint). */
    record Reused() implements Claim {}
  }

  /**
   * A claim of {@code key} for a request of {@code fingerprint} at {@code now}. A key kept since
   * {@code expiredBefore} or earlier counts as absent; an unanswered claim of the same fingerprint
   * made at {@code staleBefore} or earlier is taken over (its request died before answering).
   */
  record ClaimRequest(
      IdempotencyKey key,
      String fingerprint,
      Instant now,
      Instant expiredBefore,
      Instant staleBefore) {}

  /** Claims a key as {@code request} says. */
  Claim claim(ClaimRequest request);

  /**
   * Keeps an answer that caused no events, in a transaction of its own; false when the claim is not
   * held any more (taken over, or answered).
   */
  boolean complete(KeptAnswer answer);

  /** Gives the key up, unanswered, so that a retry runs again; nothing if the claim is not held. */
  void release(IdempotencyKey key, UUID claim);

  /**
   * Removes up to {@code limit} keys claimed at {@code expiredBefore} or earlier, across tenants;
   * safe beside other instances doing the same.
   *
   * @return how many were removed
   */
  int purge(Instant expiredBefore, int limit);
}
