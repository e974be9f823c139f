package com.parkora.reservation.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The id of an existing reservation as a client sends it, parsed here and nowhere else: a command
 * refuses a malformed id, a lookup finds nothing for one.
 */
public record ReservationId(UUID value) {

  public ReservationId {
    Objects.requireNonNull(value, "value");
  }

  /** For a command: a malformed id is an input error naming the field {@code id}. */
  public static ReservationId parse(String raw) {
    return lookup(raw)
        .orElseThrow(
            () ->
                new ReservationException.InvalidInput(
                    "id", "id must be a UUID, got '" + Inputs.clip(raw) + "'"));
  }

  /** For a lookup: a malformed id is empty, so it finds nothing. */
  public static Optional<ReservationId> lookup(String raw) {
    return Inputs.uuidOrEmpty(raw).map(ReservationId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
