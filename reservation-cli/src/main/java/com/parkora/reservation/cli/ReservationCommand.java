package com.parkora.reservation.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reservation}: the root; it only names the commands. */
@Command(
    name = "reservation",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description =
        "Parking reservations: run the service, migrate, rebuild read models, dump and "
            + "import the event log.",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      RebuildCommand.class,
      EventsCommand.class,
      PaymentsCommand.class,
      VersionCommand.class,
      TrainCommand.class
    })
final class ReservationCommand extends CommandGroup {

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and INFO logs.")
  boolean verbose;

  ReservationCommand() {
    super("serve, migrate, rebuild, events or version");
  }
}
