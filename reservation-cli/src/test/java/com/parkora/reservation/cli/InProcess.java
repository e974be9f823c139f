package com.parkora.reservation.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI's entry in this JVM with captured streams. */
final class InProcess {

  private InProcess() {}

  static CliProcess.Result run(String... args) {
    return run(false, args);
  }

  static CliProcess.Result run(boolean terminal, String... args) {
    return run(new byte[0], terminal, args);
  }

  static CliProcess.Result withInput(byte[] input, String... args) {
    return run(input, false, args);
  }

  private static CliProcess.Result run(byte[] input, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        new CliContext(
            Map.of(),
            new ByteArrayInputStream(input),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            terminal);
    int code = new Main(context).run(args);
    return new CliProcess.Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
