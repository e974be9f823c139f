package com.parkora.reservation.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of raw client values into domain values, with input errors that name the field. */
public final class Inputs {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Inputs() {}

  /** A UUID in its canonical 36-character form (UUID.fromString alone accepts "1-1-1-1-1"). */
  public static UUID strictUuid(String raw) {
    if (raw == null || !UUID_TEXT.matcher(raw).matches()) {
      throw new IllegalArgumentException("not a UUID");
    }
    return UUID.fromString(raw);
  }

  public static UUID uuid(String field, String raw) {
    try {
      return strictUuid(raw == null ? null : raw.trim());
    } catch (IllegalArgumentException e) {
      throw new ReservationException.InvalidInput(
          field, field + " must be a UUID, got '" + clip(raw) + "'");
    }
  }

  /** A UUID, or empty for anything else: lookups of a malformed id find nothing. */
  public static Optional<UUID> uuidOrEmpty(String raw) {
    try {
      return Optional.of(strictUuid(raw == null ? null : raw.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The earliest and latest instants accepted: what every store can hold, with room to spare. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * An ISO-8601 date-time; without an offset it is UTC. Truncated to microseconds, and between
   * {@link #EARLIEST} and {@link #LATEST}.
   */
  public static Instant instant(String field, String raw) {
    return inRange(field, parseInstant(field, raw));
  }

  /**
   * The one range of instants the domain stores (starts, ends, every derived time): what both
   * stores and the codec write and read back unchanged. A later instant, such as the end of a
   * booking that starts an hour before the year 10000, is refused before anything is written.
   */
  public static Instant inRange(String field, Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new ReservationException.InvalidInput(
          field,
          field
              + " must lie between "
              + Times.format(EARLIEST)
              + " and "
              + Times.format(LATEST)
              + ", got "
              + Times.format(instant));
    }
    return instant;
  }

  /**
   * Text that is well-formed Unicode: no lone UTF-16 surrogate (a JSON {@code "\ud800"}), which
   * UTF-8 cannot encode and the stores would write as {@code ?}. Every text the domain accepts
   * passes here, so what is stored is what was accepted.
   */
  public static String wellFormed(String field, String text) {
    if (text != null && hasLoneSurrogate(text)) {
      throw new ReservationException.InvalidInput(
          field, field + " is not well-formed Unicode (it holds a lone surrogate)");
    }
    return text;
  }

  public static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (!paired) {
        return true;
      }
      i++;
    }
    return false;
  }

  /** Well-formed text without control characters (identifiers: spots, transaction ids). */
  public static String printable(String field, String text) {
    wellFormed(field, text);
    if (text != null && text.chars().anyMatch(Character::isISOControl)) {
      throw new ReservationException.InvalidInput(
          field, field + " must not contain control characters");
    }
    return text;
  }

  /** Well-formed free text (a reason): line breaks are fine, a NUL character is not storable. */
  public static String storable(String field, String text) {
    wellFormed(field, text);
    if (text != null && text.indexOf('\0') >= 0) {
      throw new ReservationException.InvalidInput(
          field, field + " must not contain NUL characters");
    }
    return text;
  }

  private static Instant parseInstant(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      throw new ReservationException.InvalidInput(field, field + " is required");
    }
    String text = raw.trim();
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant()
          .truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
      } catch (DateTimeParseException e) {
        throw new ReservationException.InvalidInput(
            field,
            field
                + " must be an ISO-8601 date-time such as 2026-12-01T09:30:00Z, got '"
                + clip(raw)
                + "'");
      }
    }
  }

  public static String clip(String raw) {
    if (raw == null) {
      return "null";
    }
    return raw.length() <= 60 ? raw : raw.substring(0, 57) + "...";
  }
}
