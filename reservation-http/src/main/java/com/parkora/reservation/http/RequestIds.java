package com.parkora.reservation.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-ID}: the caller's id when it is a sane token (at most 128 letters, digits and
 * {@code -_.:}), a fresh UUID otherwise; echoed on every response and put in the logging context
 * ({@code request_id}, with the other fields of {@link RequestLogContext}) while the request is
 * handled.
 */
final class RequestIds {

  static final String HEADER = "X-Request-ID";
  static final String LOG_KEY = "request_id";
  private static final String ATTRIBUTE = "reservation.request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  static void register(RoutesConfig routes) {
    routes.before(RequestIds::begin);
    routes.after(ctx -> RequestLogContext.clear());
  }

  /** The id of the request being handled. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id != null ? id : begin(ctx);
  }

  private static String begin(Context ctx) {
    String sent = ctx.header(HEADER);
    String id = sent != null && SANE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    RequestLogContext.begin(id, ctx.method().name(), ctx.path());
    return id;
  }
}
