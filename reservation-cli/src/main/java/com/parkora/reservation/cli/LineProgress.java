package com.parkora.reservation.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** Progress for logs and pipes: a plain line at most once a second, and one at the end. */
final class LineProgress implements Progress {

  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final PrintStream out;
  private final String task;
  private final long total;
  private final LongSupplier nanoClock;
  private final long started;
  private long lastPrinted;
  private long processed;
  private long printedCount = -1;

  LineProgress(PrintStream out, String task, long total, LongSupplier nanoClock) {
    this.out = out;
    this.task = task;
    this.total = total;
    this.nanoClock = nanoClock;
    this.started = nanoClock.getAsLong();
    this.lastPrinted = started;
  }

  @Override
  public void eventsProcessed(long processedSoFar) {
    processed = processedSoFar;
    long now = nanoClock.getAsLong();
    if (now - lastPrinted >= INTERVAL_NANOS) {
      print(now);
    }
  }

  @Override
  public void close() {
    if (printedCount != processed) {
      print(nanoClock.getAsLong());
    }
  }

  private void print(long now) {
    lastPrinted = now;
    printedCount = processed;
    out.println(line(now));
  }

  String line(long now) {
    double seconds = Math.max(now - started, 1) / 1e9;
    double rate = processed / seconds;
    StringBuilder text = new StringBuilder(task).append(": ").append(processed);
    if (total > 0) {
      text.append('/')
          .append(total)
          .append(String.format(Locale.ROOT, " events (%d%%)", processed * 100 / total));
    } else {
      text.append(" events");
    }
    text.append(String.format(Locale.ROOT, ", %.0f events/s", rate));
    if (total > processed && rate > 0) {
      text.append(String.format(Locale.ROOT, ", about %.0f s left", (total - processed) / rate));
    }
    return text.toString();
  }
}
