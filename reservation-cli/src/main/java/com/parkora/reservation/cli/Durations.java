package com.parkora.reservation.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads timeouts as the Python service took them (seconds, possibly fractional) or with a unit. */
final class Durations {

  private Durations() {}

  /** {@code 5}, {@code 2.5}, {@code 500ms}, {@code 5s} or ISO-8601 {@code PT5S}. */
  static Duration parse(String name, String raw) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return positive(name, raw, Duration.parse(value.toUpperCase(Locale.ROOT)));
      }
      if (value.endsWith("ms")) {
        return positive(
            name, raw, Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
      }
      String seconds = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
      long millis = new BigDecimal(seconds).movePointRight(3).longValueExact();
      return positive(name, raw, Duration.ofMillis(millis));
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new CliException(
          name + " must be a duration such as 5, 2.5s, 500ms or PT5S; got '" + raw + "'");
    }
  }

  private static Duration positive(String name, String raw, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new CliException(name + " must be a positive duration, got '" + raw + "'");
    }
    return value;
  }
}
