package com.parkora.reservation.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses log verbosity before Logback starts (it reads the system properties set here): {@code
 * serve} (and {@code train}, which runs it) logs at INFO; one-shot commands only warnings, so their
 * output stays clean; stack traces in logs only with {@code --verbose}.
 */
final class LogSetup {

  static final String LEVEL = "reservation.log.level";
  static final String EXCEPTIONS = "reservation.log.exceptions";
  private static final List<String> VERBOSE = List.of("-v", "--verbose");

  private LogSetup() {}

  static void beforeFirstLogger(String[] args) {
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

  static boolean verbose(String[] args) {
    return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(VERBOSE::contains);
  }
}
