package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become wire errors: an {@link ErrorCode} gets its HTTP status here,
 * and anything unexpected becomes INTERNAL with a generic message while the cause goes to the log.
 * No stack trace, class name or SQL text ever leaves through here.
 */
final class ErrorMapping {

  static final String INTERNAL_MESSAGE = "Internal error";
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static int status(ErrorCode code) {
    return switch (code) {
      case INVALID_INPUT, TENANT_REQUIRED, UNKNOWN_PARKING_SPOT, RESPONSE_TOO_LARGE -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case INVALID_STATE, SLOT_UNAVAILABLE, CONFLICT -> 409;
      case DEPENDENCY_UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  static Failure classify(Throwable failure) {
    if (failure instanceof ReservationException known) {
      return ofKnown(known);
    }
    if (failure instanceof HttpResponseException http) {
      return ofHttp(http);
    }
    RequestLogContext.outcome(ErrorCode.INTERNAL.name());
    LOG.error("Unexpected failure", failure);
    return new Failure(ErrorCode.INTERNAL, 500, INTERNAL_MESSAGE);
  }

  static Failure invalidInput(int status, String message) {
    return new Failure(ErrorCode.INVALID_INPUT, status, message);
  }

  private static Failure ofKnown(ReservationException known) {
    if (known.code() == ErrorCode.INTERNAL || known.code() == ErrorCode.DEPENDENCY_UNAVAILABLE) {
      RequestLogContext.outcome(known.code().name());
      LOG.error("{}: {}", known.code(), known.getMessage(), known.getCause());
    }
    return new Failure(known.code(), status(known.code()), known.getMessage());
  }

  /** Javalin's own answers (404 for an unknown path, 413 for a large body, ...). */
  private static Failure ofHttp(HttpResponseException http) {
    int status = http.getStatus();
    ErrorCode code =
        switch (status) {
          case 401 -> ErrorCode.UNAUTHENTICATED;
          case 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_INPUT;
        };
    String message =
        status == 404
            ? "No such path"
            : status == 413
                ? "Request body too large"
                : status >= 500 ? INTERNAL_MESSAGE : "Bad request";
    if (status >= 500) {
      RequestLogContext.outcome(code.name());
      LOG.error("HTTP {} answered", status, http);
    }
    return new Failure(code, status, message);
  }
}
