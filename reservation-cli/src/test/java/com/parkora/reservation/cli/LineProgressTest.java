package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineProgressTest {

  @Test
  void prints_at_most_one_line_a_second_with_rate_and_time_left_and_ends_on_the_total() {
    AtomicLong nanos = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    try (LineProgress progress = new LineProgress(out, "tenant t", 1000, nanos::get)) {
      nanos.set(500_000_000L);
      progress.eventsProcessed(100);
      nanos.set(1_000_000_000L);
      progress.eventsProcessed(250);
      nanos.set(2_000_000_000L);
      progress.eventsProcessed(1000);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "tenant t: 250/1000 events (25%), 250 events/s, about 3 s left",
            "tenant t: 1000/1000 events (100%), 500 events/s");
  }
}
