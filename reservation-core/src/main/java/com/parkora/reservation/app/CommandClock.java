package com.parkora.reservation.app;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time of a command: the clock's instant to the microsecond, as PostgreSQL keeps it. */
record CommandClock(Clock clock) {

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
