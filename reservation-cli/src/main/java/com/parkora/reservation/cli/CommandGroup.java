package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only names its subcommands: run without one, it names the {@code choices} (as
 * {@code dump or import}) on the command line's standard error and answers a usage mistake.
 */
abstract class CommandGroup implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final String choices;

  CommandGroup(String choices) {
    this.choices = choices;
  }

  @Override
  public final Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "error: missing command: " + choices + " (see '" + spec.qualifiedName() + " --help')");
    return Main.USAGE;
  }
}
