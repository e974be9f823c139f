package com.parkora.reservation.cli;

/**
 * A mistake or failure the operator can act on: its message is the one line printed on stderr. The
 * cause, if any, is shown only with {@code --verbose}.
 */
public final class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
