package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure as the wire shows it: code, HTTP status and a message safe to show. */
record Failure(ErrorCode code, int status, String message) {

  /** RFC 6750 section 3.1: a request that sent a bearer token that failed its checks. */
  static final String BEARER_CHALLENGE = "Bearer error=\"invalid_token\"";

  /**
   * RFC 6750 section 3.1: a request that sent no credentials (or not a bearer token) gets the
   * scheme and realm, and no error code.
   */
  static final String BEARER_REALM = "Bearer realm=\"reservation-service\"";

  private static final String BEARER = "Bearer ";

  /** Sets the status and the headers this failure's answer carries. */
  void applyTo(Context ctx) {
    ctx.status(status);
    if (status == 401) {
      String authorization = ctx.header("Authorization");
      boolean sentBearer =
          authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
      ctx.header("WWW-Authenticate", sentBearer ? BEARER_CHALLENGE : BEARER_REALM);
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
