package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
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
      VersionCommand.class
    })
final class ReservationCommand implements Callable<Integer> {

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and INFO logs.")
  boolean verbose;

  private final CliContext context;

  ReservationCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context
        .err()
        .println(
            "error: missing command: serve, migrate, rebuild, events or version "
                + "(see 'reservation --help')");
    return Main.USAGE;
  }
}
