package com.parkora.reservation.http;

import java.time.Instant;
import java.util.UUID;

/**
 * The text of a row's ids and timestamps written into a reused array of characters, for {@link
 * FlatQueries} answers: the same characters as {@link UUID#toString} and {@code Times.format}, with
 * no string made per field of every row.
 */
final class RowText {

  /** The most characters one value takes here (a timestamp with microseconds: 32). */
  static final int MAX_LENGTH = 36;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written here, as four digits. */
  private static final long FIRST_SECOND = -62_135_596_800L;

  private static final long PAST_LAST_SECOND = 253_402_300_800L;

  private static final int SECONDS_PER_DAY = 86_400;

  private RowText() {}

  /** Writes the UUID's 36 characters, lower-case hex in groups of 8-4-4-4-12. */
  static int uuid(UUID id, char[] out) {
    long high = id.getMostSignificantBits();
    long low = id.getLeastSignificantBits();
    hex(high >>> 32, out, 0, 8);
    out[8] = '-';
    hex(high >>> 16, out, 9, 4);
    out[13] = '-';
    hex(high, out, 14, 4);
    out[18] = '-';
    hex(low >>> 48, out, 19, 4);
    out[23] = '-';
    hex(low, out, 24, 12);
    return 36;
  }

  /**
   * Writes the instant as {@code Times.format} does (ISO-8601, microseconds without trailing zeros,
   * {@code +00:00}) and answers its length; -1, writing nothing, for a year outside 1 to 9999.
   */
  static int instant(Instant instant, char[] out) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds >= PAST_LAST_SECOND) {
      return -1;
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // the proleptic Gregorian date of a day number (days from civil, inverted)
    long shifted = days + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    digits(year, out, 0, 4);
    out[4] = '-';
    digits(month, out, 5, 2);
    out[7] = '-';
    digits(day, out, 8, 2);
    out[10] = 'T';
    digits(second / 3_600, out, 11, 2);
    out[13] = ':';
    digits(second / 60 % 60, out, 14, 2);
    out[16] = ':';
    digits(second % 60, out, 17, 2);
    int length = 19;
    int micros = instant.getNano() / 1_000;
    if (micros != 0) {
      int width = 6;
      while (micros % 10 == 0) {
        micros /= 10;
        width--;
      }
      out[length] = '.';
      digits(micros, out, length + 1, width);
      length += 1 + width;
    }
    out[length] = '+';
    out[length + 1] = '0';
    out[length + 2] = '0';
    out[length + 3] = ':';
    out[length + 4] = '0';
    out[length + 5] = '0';
    return length + 6;
  }

  private static void hex(long value, char[] out, int offset, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  /** The value in exactly {@code width} decimal digits, zeros first (it has no more). */
  private static void digits(int value, char[] out, int offset, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
