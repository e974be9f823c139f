package com.parkora.reservation.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the PostgreSQL client tools (psql, pgbench) on the server at {@code host:port} as {@code
 * user} and returns what they printed; their files go to {@code scratch}.
 */
record Shell(Path scratch, String host, int port, String user) {

  /** Copies a bundled SQL file out of the jar so psql and pgbench can read it. */
  Path resource(String name) throws IOException {
    Path target = scratch.resolve(name);
    if (!Files.exists(target)) {
      try (InputStream in = Shell.class.getResourceAsStream("/bench/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing bench resource " + name);
        }
        Files.copy(in, target);
      }
    }
    return target;
  }

  String psql(String database, String sql) throws IOException, InterruptedException {
    List<String> command = psqlCommand(database);
    command.addAll(List.of("-At", "-c", sql));
    return run(command);
  }

  String psqlFile(String database, Path file, Map<String, String> variables)
      throws IOException, InterruptedException {
    List<String> command = psqlCommand(database);
    variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
    command.addAll(List.of("-f", file.toString()));
    return run(command);
  }

  /** psql on one database, quiet, without ~/.psqlrc, stopping at the first error. */
  private List<String> psqlCommand(String database) {
    List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
    command.addAll(server());
    command.addAll(List.of("-d", database));
    return command;
  }

  /** The server and user options psql and pgbench share. */
  private List<String> server() {
    return List.of("-h", host, "-p", String.valueOf(port), "-U", user);
  }

  /**
   * Runs pgbench with a custom script and answers its rate and the latency percentiles of its
   * transactions, read from its per-transaction log ({@code --log}): measured the way wrk measures
   * the service, from sending a transaction to its last answer.
   */
  Pgbench pgbench(String database, Path script, int clients, int seconds)
      throws IOException, InterruptedException {
    Path logs = Files.createTempDirectory(scratch, "pgbench-");
    List<String> command = new ArrayList<>(List.of("pgbench", "-n"));
    command.addAll(server());
    command.addAll(
        List.of(
            "-c",
            String.valueOf(clients),
            "-j",
            String.valueOf(Math.min(clients, 4)),
            "-T",
            String.valueOf(seconds),
            "--log",
            "--log-prefix=tx",
            "-f",
            script.toString(),
            database));
    String out = run(command, logs);
    for (String line : out.split("\\R")) {
      if (line.startsWith("tps = ")) {
        double tps = Double.parseDouble(line.substring(6).split(" ")[0]);
        return new Pgbench(tps, Pgbench.latencies(logs));
      }
    }
    throw new IllegalStateException("pgbench printed no tps:\n" + out);
  }

  static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, null);
  }

  static String run(List<String> command, Path directory) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    if (status != 0) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, 1)) + " failed (" + status + "):\n" + out);
    }
    return out;
  }
}
