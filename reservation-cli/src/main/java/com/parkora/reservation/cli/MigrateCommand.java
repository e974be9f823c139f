package com.parkora.reservation.cli;

import picocli.CommandLine.Command;

/** {@code migrate}: applies the database migrations and prints the resulting schema version. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply the PostgreSQL migrations and print the resulting schema version.")
final class MigrateCommand extends StoreCommand {

  MigrateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (Bootstrap bootstrap = openStore()) {
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
