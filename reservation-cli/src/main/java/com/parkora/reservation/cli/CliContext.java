package com.parkora.reservation.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, the standard streams and whether
 * they face a terminal. Passed in, never read from statics, so commands run in tests.
 *
 * @param environment the process environment (docs/configuration.md)
 * @param in standard input ({@code events import -})
 * @param out standard output: results (dumps, versions, summaries)
 * @param err standard error: progress, mistakes
 * @param terminal true when a person is watching a terminal (progress bars)
 */
public record CliContext(
    Map<String, String> environment,
    InputStream in,
    PrintStream out,
    PrintStream err,
    boolean terminal) {

  public CliContext {
    environment = Map.copyOf(environment);
  }

  /** The real process: its environment and streams. */
  public static CliContext ofProcess() {
    return new CliContext(System.getenv(), System.in, System.out, System.err, onTerminal());
  }

  /** The configuration of docs/configuration.md as the environment sets it. */
  public Config environmentConfig() {
    return Config.fromEnvironment(environment);
  }

  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
