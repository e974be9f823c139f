package com.parkora.reservation.cli;

import picocli.CommandLine.Command;

/** {@code events}: the event log as JSON lines, out and in. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Dump or import the event log (one JSON event per line, docs/notifications.md).",
    subcommands = {EventsDumpCommand.class, EventsImportCommand.class})
final class EventsCommand extends CommandGroup {

  EventsCommand() {
    super("dump or import");
  }
}
