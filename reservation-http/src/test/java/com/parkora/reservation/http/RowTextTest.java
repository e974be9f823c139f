package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.Times;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The characters of {@link RowText} are those of {@link UUID#toString} and {@link Times#format}.
 */
class RowTextTest {

  private static final long FIRST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long PAST_LAST_SECOND =
      Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void uuids_read_as_their_text() {
    Random random = new Random(7);
    char[] out = new char[RowText.MAX_LENGTH];
    for (int i = 0; i < 10_000; i++) {
      UUID id = i == 0 ? new UUID(0, 0) : i == 1 ? new UUID(-1, -1) : UUID.randomUUID();
      if (i % 2 == 0 && i > 1) {
        id = new UUID(random.nextLong(), random.nextLong());
      }
      assertThat(new String(out, 0, RowText.uuid(id, out))).isEqualTo(id.toString());
    }
  }

  @Test
  void instants_read_as_times_format_writes_them() {
    Random random = new Random(11);
    char[] out = new char[RowText.MAX_LENGTH];
    List<Instant> edges =
        List.of(
            Instant.EPOCH,
            Instant.ofEpochSecond(-1),
            Instant.ofEpochSecond(-1, 999_999_999),
            Instant.ofEpochSecond(FIRST_SECOND),
            Instant.ofEpochSecond(PAST_LAST_SECOND - 1, 999_999_000),
            Instant.parse("2000-02-29T23:59:59.5Z"),
            Instant.parse("1900-03-01T00:00:00.000001Z"),
            Instant.parse("2024-12-31T12:00:00.000120Z"),
            Instant.parse("2026-06-02T10:43:16Z"));
    for (Instant instant : edges) {
      assertSame(instant, out);
    }
    for (int i = 0; i < 200_000; i++) {
      long seconds =
          FIRST_SECOND + (long) (random.nextDouble() * (PAST_LAST_SECOND - FIRST_SECOND));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000_000) * 1_000;
            case 2 -> random.nextInt(1_000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
          };
      assertSame(Instant.ofEpochSecond(seconds, nanos), out);
    }
  }

  @Test
  void years_outside_one_to_9999_are_left_to_the_formatter() {
    char[] out = new char[RowText.MAX_LENGTH];
    assertThat(RowText.instant(Instant.ofEpochSecond(FIRST_SECOND - 1), out)).isEqualTo(-1);
    assertThat(RowText.instant(Instant.ofEpochSecond(PAST_LAST_SECOND), out)).isEqualTo(-1);
    assertThat(RowText.instant(Instant.MIN, out)).isEqualTo(-1);
    assertThat(RowText.instant(Instant.MAX, out)).isEqualTo(-1);
  }

  private static void assertSame(Instant instant, char[] out) {
    assertThat(new String(out, 0, RowText.instant(instant, out)))
        .as("%s", instant)
        .isEqualTo(Times.format(instant));
  }
}
