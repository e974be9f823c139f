package com.parkora.reservation.clients;

import java.time.Duration;
import java.util.Objects;

/** The rule every client's timeout follows. */
public final class Timeouts {

  private Timeouts() {}

  /**
   * {@code value}, checked: present and positive. The clients read a zero timeout as "wait for
   * ever", which would let a silent peer stall the caller.
   */
  public static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (!value.isPositive()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
