package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

  @Test
  void whole_seconds_print_without_a_fraction_and_with_an_explicit_offset() {
    assertThat(Times.format(Instant.parse("2026-12-01T09:30:00Z")))
        .isEqualTo("2026-12-01T09:30:00+00:00");
  }

  @Test
  void fractions_print_up_to_microseconds() {
    assertThat(Times.format(Instant.parse("2026-12-01T09:30:00.123456Z")))
        .isEqualTo("2026-12-01T09:30:00.123456+00:00");
    assertThat(Times.format(Instant.parse("2026-12-01T09:30:00.5Z")))
        .isEqualTo("2026-12-01T09:30:00.5+00:00");
  }
}
