package com.parkora.reservation.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a real process ({@code java -cp <test classpath> Main}), so exit codes, stderr,
 * logging and signals are the real ones.
 */
final class CliProcess {

  static final List<String> CONFIG_VARIABLES =
      List.of(
          "DATABASE_URL",
          "DATA_DIR",
          "PORT",
          "AUTH_MODE",
          "KEYCLOAK_URL",
          "DEFAULT_TENANT_ID",
          "RABBITMQ_HOST",
          "PARKING_SERVICE_URL",
          "CORS_ORIGINS");

  private CliProcess() {}

  /** The outcome of a finished run. */
  record Result(int exitCode, String out, String err) {

    List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  static Result run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    Process process =
        builder(workDir, env, args)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "reservation " + String.join(" ", args) + " did not finish: " + Files.readString(err));
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
    return builder(workDir, env, List.of(), args);
  }

  /** As {@link #builder(Path, Map, String...)}, with options for the JVM. */
  static ProcessBuilder builder(
      Path workDir, Map<String, String> env, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return inWorkDir(new ProcessBuilder(command), workDir, env);
  }

  /** {@code java -jar jar args}: the packaged CLI. */
  static ProcessBuilder jar(Path jar, String... args) {
    List<String> command =
        new ArrayList<>(List.of(javaBinary(), "-jar", jar.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** Runs {@code builder} in {@code workDir}, configured by {@code env} alone. */
  static ProcessBuilder inWorkDir(ProcessBuilder builder, Path workDir, Map<String, String> env) {
    builder.directory(workDir.toFile());
    CONFIG_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    return builder;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
