package com.parkora.reservation.port;

import java.util.Objects;

/**
 * The caller's bearer token, passed on to a service that wants to know who asks (the parking
 * service, docs/parking.md), as the Python service passed it. Never written to an event or a log:
 * its {@link #toString} hides the value.
 */
public record BearerToken(String value) {

  public BearerToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a bearer token is not blank");
    }
  }

  /** The {@code Authorization} header that carries it. */
  public String header() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "BearerToken[***]";
  }
}
