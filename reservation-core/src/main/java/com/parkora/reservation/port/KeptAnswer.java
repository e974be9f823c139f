package com.parkora.reservation.port;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer of a keyed request, kept under the claim its request holds.
 *
 * @param fingerprint what the request asked (operation, document, variables), normalised
 * @param claim the claim of the request that answered; keeping fails when another holds the key
 * @param createdAt when the key was claimed: it expires {@code IDEMPOTENCY_TTL} later
 */
public record KeptAnswer(
    IdempotencyKey key, String fingerprint, UUID claim, StoredAnswer answer, Instant createdAt) {

  public KeptAnswer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
