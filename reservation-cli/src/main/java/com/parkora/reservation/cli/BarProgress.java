package com.parkora.reservation.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar with events per second, elapsed time and the estimated time left. */
final class BarProgress implements Progress {

  private final ProgressBar bar;

  BarProgress(PrintStream stream, String task, long total) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(" events", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUpdateIntervalMillis(100)
            .setConsumer(new ConsoleProgressBarConsumer(stream))
            .build();
  }

  @Override
  public void eventsProcessed(long processedSoFar) {
    bar.stepTo(processedSoFar);
  }

  @Override
  public void close() {
    bar.close();
  }
}
