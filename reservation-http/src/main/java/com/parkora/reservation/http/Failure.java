package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure as the wire shows it: code, HTTP status and a message safe to show. */
record Failure(ErrorCode code, int status, String message) {

  /** RFC 6750: a 401 names the Bearer scheme and says the token (or its absence) is the cause. */
  static final String BEARER_CHALLENGE = "Bearer error=\"invalid_token\"";

  /** Sets the status and the headers this failure's answer carries. */
  void applyTo(Context ctx) {
    ctx.status(status);
    if (status == 401) {
      ctx.header("WWW-Authenticate", BEARER_CHALLENGE);
    }
  }

  /** The REST body of docs/rest.md: {@code {"error": CODE, "message": ...}}. */
  Map<String, Object> restBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code.name());
    body.put("message", message);
    return body;
  }

  /** A GraphQL response carrying only this failure as a request error. */
  Map<String, Object> graphQlBody() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("extensions", Map.of("code", code.name()));
    return Map.of("errors", List.of(error));
  }
}
