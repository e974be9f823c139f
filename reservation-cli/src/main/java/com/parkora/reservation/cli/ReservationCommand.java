package com.parkora.reservation.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reservation}: the root; it only names the commands. */
@Command(
    name = "reservation",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description =
        "Parking reservations: run the service, migrate, rebuild read models, dump and "
            + "import the event log.")
final class ReservationCommand extends CommandGroup {

  /**
   * The commands, added by {@link Main} to the command line: only the one named on it when there is
   * one, since picocli builds the model of every command it is given before it parses (each
   * option's annotations read through reflection, its converters looked up), and its classes,
   * compiled for Java 5, cannot be kept in the start-up cache: the whole tree cost a 200m pod about
   * 3 seconds of every start.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          ServeCommand.class,
          MigrateCommand.class,
          RebuildCommand.class,
          EventsCommand.class,
          PaymentsCommand.class,
          VersionCommand.class,
          TrainCommand.class);

  /**
   * The commands to build for {@code args}: the one the first argument that is not an option names
   * (the root's options take no values), or all of them when it names none (help, a mistake).
   */
  static List<Class<?>> commandsFor(String... args) {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue;
      }
      for (Class<?> command : COMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(arg)) {
          return List.of(command);
        }
      }
      break;
    }
    return COMMANDS;
  }

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and INFO logs.")
  boolean verbose;

  ReservationCommand() {
    super("serve, migrate, rebuild, events or version");
  }
}
