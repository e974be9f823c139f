package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void every_instant_prints_as_the_formatter_prints_it() {
    Random random = new Random(20261202);
    List<Instant> instants = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(-62_135_596_800L - 86_400 * 400, 253_402_300_800L + 86_400);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000_000) * 1000;
            case 2 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
          };
      instants.add(Instant.ofEpochSecond(seconds, nanos));
    }
    instants.addAll(
        List.of(
            Instant.parse("0001-01-01T00:00:00Z"),
            Instant.parse("0000-12-31T23:59:59.999999Z"),
            Instant.parse("9999-12-31T23:59:59.999999Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("0999-01-01T00:00:00.000001Z"),
            Instant.parse("2024-02-29T00:00:00.100Z"),
            Instant.EPOCH));
    for (Instant instant : instants) {
      assertThat(Times.format(instant)).as("%s", instant).isEqualTo(Times.formatter(instant));
    }
  }
}
