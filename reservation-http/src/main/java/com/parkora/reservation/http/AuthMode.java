package com.parkora.reservation.http;

import java.util.Locale;

/**
 * How callers are authenticated (docs/tenancy.md). {@code OFF} checks nothing; {@code OPTIONAL}
 * treats a request without a token as anonymous but refuses a token it cannot verify; {@code
 * REQUIRED} refuses every data request without a valid token.
 */
public enum AuthMode {
  OFF,
  OPTIONAL,
  REQUIRED;

  /** The mode named by {@code off}, {@code optional} or {@code required}, in any case. */
  public static AuthMode parse(String raw) {
    return valueOf(raw.trim().toUpperCase(Locale.ROOT));
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
