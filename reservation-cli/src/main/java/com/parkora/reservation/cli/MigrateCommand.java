package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: applies the database migrations and prints the resulting schema version. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply the PostgreSQL migrations and print the resulting schema version.")
final class MigrateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  private final CliContext context;

  MigrateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Config config = common.applyTo(context.environmentConfig());
    try (Bootstrap bootstrap = Bootstrap.open(config)) {
      context
          .out()
          .println(
              bootstrap
                  .schemaVersion()
                  .map(version -> "schema version " + version)
                  .orElse(
                      "nothing to migrate: "
                          + bootstrap.storeDescription()
                          + " (set DATABASE_URL to migrate PostgreSQL)"));
      return Main.OK;
    }
  }
}
