package com.parkora.reservation.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags every command accepts; they override the environment. */
public final class CommonOptions {

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "PostgreSQL URL (postgresql://user:pass@host:port/db or jdbc:postgresql:...); "
              + "overrides DATABASE_URL. Unset: the embedded store.")
  String databaseUrl;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Directory of the embedded store; overrides DATA_DIR (default ./data).")
  Path dataDir;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces and INFO logs.")
  boolean verbose;

  /** The environment's configuration with these flags applied. */
  Config applyTo(Config config) {
    ConfigBuilder result = config.toBuilder();
    if (databaseUrl != null) {
      result.databaseUrl(databaseUrl);
    }
    if (dataDir != null) {
      result.dataDir(dataDir);
    }
    return result.build();
  }
}
