package com.parkora.reservation.cli;

import com.parkora.reservation.port.Storage;

/** Shows how a long job advances; closed when the job ends. */
interface Progress extends Storage.RebuildProgress, AutoCloseable {

  /** How progress is shown: a bar on a terminal, lines otherwise, or chosen by the terminal. */
  enum Style { AUTO, BAR, LINES }

  @Override
  void close();

  /** Starts showing a job of {@code total} units (0 when unknown). */
  static Progress start(CliContext context, Style style, String task, long total) {
    boolean bar = style == Style.BAR || (style == Style.AUTO && context.terminal());
    return bar ? new BarProgress(context.err(), task, total)
        : new LineProgress(context.err(), task, total, System::nanoTime);
  }
}
