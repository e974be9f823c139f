package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The fields of the request being handled in the logging context (SLF4J's MDC), so that every line
 * logged while it is handled names them (as fields of a JSON log line, docs/configuration.md {@code
 * LOG_FORMAT}): {@code request_id}, {@code operation} (the GraphQL operation name, else the method
 * and path), {@code tenant_id} and {@code user} (the acting subject, as in event metadata) once the
 * request's tenancy is resolved, and {@code outcome} (the error code) on the lines that log a
 * failure. Cleared after the request.
 */
final class RequestLogContext {

  static final String OPERATION = "operation";
  static final String TENANT = "tenant_id";
  static final String USER = "user";
  static final String OUTCOME = "outcome";
  private static final int MAX_PATH = 128;
  private static final List<String> KEYS =
      List.of(RequestIds.LOG_KEY, OPERATION, TENANT, USER, OUTCOME);

  private RequestLogContext() {}

  static void begin(String requestId, String method, String path) {
    MDC.put(RequestIds.LOG_KEY, requestId);
    String shown = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
    MDC.put(OPERATION, method + " " + shown);
  }

  static void operation(String operationName) {
    if (operationName != null && !operationName.isEmpty()) {
      MDC.put(OPERATION, operationName);
    }
  }

  static void caller(Optional<Caller> caller) {
    MDC.put(USER, caller.map(Caller::subject).orElse("anonymous"));
  }

  static void tenant(Optional<TenantId> tenant) {
    tenant.ifPresent(named -> MDC.put(TENANT, named.toString()));
  }

  static void outcome(String code) {
    MDC.put(OUTCOME, code);
  }

  static void clear() {
    KEYS.forEach(MDC::remove);
  }
}
