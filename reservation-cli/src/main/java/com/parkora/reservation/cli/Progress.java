package com.parkora.reservation.cli;

import com.parkora.reservation.port.Storage;

/** Shows how a long job advances; closed when the job ends. */
interface Progress extends Storage.RebuildProgress, AutoCloseable {

  /** How progress is shown: a bar on a terminal, lines otherwise, or chosen by the terminal. */
  enum Style {
    AUTO,
    BAR,
    LINES
  }

  @Override
  void close();

  /**
   * Starts showing a job of {@code total} units (0 when unknown). A bar is labelled with the short
   * {@code ordinal} (such as {@code 2/5}) after a line naming the task, so it fits a narrow
   * terminal.
   */
  static Progress start(CliContext context, Style style, String task, String ordinal, long total) {
    boolean bar = style == Style.BAR || (style == Style.AUTO && context.terminal());
    if (!bar) {
      return new LineProgress(context.err(), task, total, System::nanoTime);
    }
    context.err().println(task + ": " + total + " events");
    return new BarProgress(context.err(), ordinal, total);
  }
}
