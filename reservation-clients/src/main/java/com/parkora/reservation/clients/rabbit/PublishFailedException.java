package com.parkora.reservation.clients.rabbit;

/** Events were not confirmed by RabbitMQ; some may still have been delivered. */
public final class PublishFailedException extends RuntimeException {

  PublishFailedException(String message) {
    super(message);
  }

  private PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  static PublishFailedException of(Exception cause) {
    if (cause instanceof PublishFailedException failed) {
      return failed;
    }
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new PublishFailedException("RabbitMQ did not confirm: " + detail, cause);
  }
}
