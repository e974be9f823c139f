package com.parkora.reservation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The two rules of time a new reservation meets, kept together so that they cannot contradict each
 * other: how far in the past its start may lie ({@code startGrace}), and how long it waits,
 * PENDING, to be paid ({@code hold}).
 *
 * <p>A reservation is accepted when its start lies at most {@code startGrace} in the past and its
 * end at least {@code hold} in the future; so whatever its start, an accepted reservation is
 * payable for its whole hold. It expires when the hold runs out or when its end has passed,
 * whichever comes first (the end matters only for reservations accepted under another rule: an
 * older release, the Python service, a longer hold than today's).
 *
 * <p>The grace exists for the front end, which fills its local-time start field with UTC wall-clock
 * time: from UTC+1 or UTC+2 its starts arrive 30 to 120 minutes in the past.
 */
public record BookingWindow(Duration startGrace, Duration hold) {

  public static final int DEFAULT_START_GRACE_MINUTES = 180;
  public static final int DEFAULT_HOLD_MINUTES = 15;

  /** {@code START_GRACE_MINUTES} and {@code PENDING_HOLD_MINUTES} as docs/configuration.md says. */
  public static final BookingWindow DEFAULT =
      new BookingWindow(
          Duration.ofMinutes(DEFAULT_START_GRACE_MINUTES),
          Duration.ofMinutes(DEFAULT_HOLD_MINUTES));

  public BookingWindow {
    Objects.requireNonNull(startGrace, "startGrace");
    Objects.requireNonNull(hold, "hold");
    if (startGrace.isNegative() || hold.isNegative()) {
      throw new IllegalArgumentException("neither the start grace nor the hold may be negative");
    }
  }

  public BookingWindow withStartGrace(Duration value) {
    return new BookingWindow(value, hold);
  }

  public BookingWindow withHold(Duration value) {
    return new BookingWindow(startGrace, value);
  }

  /**
   * Refuses a booking made at {@code now} whose start lies too far in the past, or that would end
   * before it could be paid.
   */
  public void check(Instant start, Instant end, Instant now) {
    if (start.isBefore(now.minus(startGrace))) {
      throw refused(
          "startTime",
          "startTime must not lie more than %d minutes in the past, got %s",
          startGrace,
          start);
    }
    if (end.isBefore(now.plus(hold))) {
      throw refused(
          "endTime",
          "the reservation must end at least %d minutes from now (the time it waits to be paid),"
              + " got an endTime of %s",
          hold,
          end);
    }
  }

  /** INVALID_INPUT of {@code field}: {@code rule} with its limit in minutes and the value sent. */
  private static ReservationException refused(
      String field, String rule, Duration limit, Instant sent) {
    return new ReservationException.InvalidInput(
        field, rule.formatted(limit.toMinutes(), Times.format(sent)));
  }

  /** When a reservation created at {@code createdAt} and ending at {@code end} stops waiting. */
  public Instant holdEnds(Instant createdAt, Instant end) {
    Instant holdRunsOut = createdAt.plus(hold);
    return end.isBefore(holdRunsOut) ? end : holdRunsOut;
  }

  /** The hold of a reservation created at {@code createdAt}, ending at {@code end}, is over. */
  public boolean isOver(Instant createdAt, Instant end, Instant now) {
    return !holdEnds(createdAt, end).isAfter(now);
  }
}
