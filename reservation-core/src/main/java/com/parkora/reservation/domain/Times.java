package com.parkora.reservation.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one output form of timestamps: ISO-8601 with an explicit offset, as the Python service wrote.
 */
public final class Times {

  private static final DateTimeFormatter OUTPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .optionalEnd()
          .appendOffset("+HH:MM", "+00:00")
          .toFormatter()
          .withZone(ZoneOffset.UTC);

  /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years printed as four digits. */
  private static final long FIRST_SECOND = -62_135_596_800L;

  private static final long PAST_LAST_SECOND = 253_402_300_800L;

  private Times() {}

  /**
   * The instant in the output form. Timestamps are printed for every row of every answer, so the
   * years 1 to 9999 are written digit by digit, exactly as {@link #OUTPUT} writes them (a test
   * compares both); others go through {@link #OUTPUT}.
   */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds >= PAST_LAST_SECOND) {
      return formatter(instant);
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(32);
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2);
    int micros = instant.getNano() / 1000;
    if (micros != 0) {
      int width = 6;
      while (micros % 10 == 0) {
        micros /= 10;
        width--;
      }
      digits(text.append('.'), micros, width);
    }
    return text.append("+00:00").toString();
  }

  /** The output form by the formatter alone (the reference for {@link #format}). */
  static String formatter(Instant instant) {
    return OUTPUT.format(instant);
  }

  private static StringBuilder digits(StringBuilder text, int value, int width) {
    for (int bound = 10, pad = width - 1; pad > 0; bound *= 10, pad--) {
      if (value < bound) {
        text.repeat('0', pad);
        break;
      }
    }
    return text.append(value);
  }
}
