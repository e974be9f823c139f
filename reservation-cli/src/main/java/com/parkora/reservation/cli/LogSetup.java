package com.parkora.reservation.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses log verbosity before Logback starts (it reads the system properties set here): {@code
 * serve} (and {@code train}, which runs it) logs at INFO; one-shot commands only warnings, so their
 * output stays clean; stack traces in logs only with {@code --verbose}.
 */
final class LogSetup {

  static final String LEVEL = "reservation.log.level";
  static final String EXCEPTIONS = "reservation.log.exceptions";

  /**
   * The appender of logback.xml, from {@code LOG_FORMAT}: {@code text} (the default) or {@code
   * json}, one JSON object per line with the stack trace as one field.
   */
  static final String FORMAT = "reservation.log.format";

  static final String FORMAT_VARIABLE = "LOG_FORMAT";
  private static final List<String> VERBOSE = List.of("-v", "--verbose");

  private LogSetup() {}

  /**
   * Sets the properties logback.xml reads.
   *
   * @throws CliException when {@code LOG_FORMAT} is neither {@code text} nor {@code json}
   */
  static void beforeFirstLogger(String[] args, Map<String, String> environment) {
    System.setProperty(FORMAT, formatOf(new EnvironmentSettings(environment)));
    boolean verbose = verbose(args);
    boolean serving =
        Arrays.stream(args)
            .takeWhile(a -> !a.equals("--"))
            .filter(a -> !a.startsWith("-"))
            .findFirst()
            .filter(command -> command.equals("serve") || command.equals("train"))
            .isPresent();
    System.setProperty(LEVEL, verbose || serving ? "INFO" : "WARN");
    System.setProperty(EXCEPTIONS, verbose ? "%ex" : "%nopex");
  }

  /** The appender {@code LOG_FORMAT} names, read as every variable is. */
  static String formatOf(EnvironmentSettings environment) {
    return format(environment.text(FORMAT_VARIABLE, "text"));
  }

  /** The name of the appender logback.xml uses for a {@code LOG_FORMAT} value. */
  static String format(String variable) {
    String format = variable == null ? "" : variable.strip().toLowerCase(Locale.ROOT);
    return switch (format) {
      case "", "text" -> "text";
      case "json" -> "json";
      default ->
          throw new CliException(
              FORMAT_VARIABLE + " must be one of text, json; got '" + variable + "'");
    };
  }

  /** Whether the process logs JSON lines (set by {@link #beforeFirstLogger}). */
  static boolean json() {
    return "json".equals(System.getProperty(FORMAT));
  }

  static boolean verbose(String[] args) {
    return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(VERBOSE::contains);
  }
}
