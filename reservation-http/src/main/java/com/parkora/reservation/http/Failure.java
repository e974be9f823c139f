package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A failure as the wire shows it: code, HTTP status and a message safe to show. */
record Failure(ErrorCode code, int status, String message) {

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
    return Map.of("errors", java.util.List.of(error));
  }
}
