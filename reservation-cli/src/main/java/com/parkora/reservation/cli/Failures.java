package com.parkora.reservation.cli;

import com.parkora.reservation.codec.EventFormatException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.ParameterException;

/** Turns a failure into the one line an operator reads. */
final class Failures {

  private Failures() {}

  static String oneLine(Throwable failure) {
    Throwable shown = unwrap(failure);
    String message = shown.getMessage();
    boolean plain =
        shown instanceof CliException
            || shown instanceof EventFormatException
            || shown instanceof ParameterException;
    if (message == null || message.isBlank()) {
      message = shown.getClass().getSimpleName();
    } else if (!plain) {
      message = message + rootCause(shown);
    }
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** The message of the deepest cause, when it says something the outer message does not. */
  static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (root == failure || message == null || failure.getMessage().contains(message)) {
      return "";
    }
    return " (" + message.strip() + ")";
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof UncheckedIOException
            || current instanceof ExecutionException
            || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
