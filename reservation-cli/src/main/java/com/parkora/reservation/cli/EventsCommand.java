package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code events}: the event log as JSON lines, out and in. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Dump or import the event log (one JSON event per line, docs/notifications.md).",
    subcommands = {EventsDumpCommand.class, EventsImportCommand.class})
final class EventsCommand implements Callable<Integer> {

  private final CliContext context;

  EventsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .err()
        .println("error: missing command: dump or import (see 'reservation events --help')");
    return Main.USAGE;
  }
}
