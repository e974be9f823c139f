package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code version}: prints the build's version and the Java runtime. */
@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {

  private final CliContext context;

  VersionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    for (String line : new BuildInfo().getVersion()) {
      context.out().println(line);
    }
    return Main.OK;
  }
}
