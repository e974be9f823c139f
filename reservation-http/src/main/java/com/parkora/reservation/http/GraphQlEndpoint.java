package com.parkora.reservation.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.domain.ErrorCode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * {@code POST /graphql}: reads at most the configured body size, names the tenant, executes and
 * answers in GraphQL's wire shape. A request that cannot be executed at all (bad JSON, no query,
 * bad tenant header, too large) is a 4xx whose body still carries {@code errors[].extensions.code}.
 */
record GraphQlEndpoint(
    GraphQlEngine engine,
    TenantResolver tenants,
    HttpMetrics metrics,
    ObjectMapper json,
    long maxBodyBytes) {

  static final String NOT_JSON =
      "POST /graphql takes a JSON body: send Content-Type: application/json";

  void handle(Context ctx) {
    long started = System.nanoTime();
    String operation = null;
    String outcome = "OK";
    try {
      if (!JsonContentType.accepts(ctx.contentType())) {
        outcome = refuse(ctx, ErrorMapping.invalidInput(415, NOT_JSON));
        return;
      }
      GraphQlRequest request = GraphQlRequest.parse(readBody(ctx), json);
      operation = request.operationName();
      RequestLogContext.operation(operation);
      GraphQlEngine.Outcome result = engine.execute(request, tenants.resolve(ctx));
      operation = result.operationName();
      outcome = result.firstErrorCode() == null ? "OK" : result.firstErrorCode();
      if (result.hasErrorCode(ErrorCode.UNAUTHENTICATED)) {
        new Failure(ErrorCode.UNAUTHENTICATED, 401, Tenancy.AUTHENTICATION_REQUIRED).applyTo(ctx);
      }
      if (result.written() != null) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(result.written());
      } else {
        ctx.json(result.body());
      }
    } catch (RuntimeException e) {
      outcome = refuse(ctx, ErrorMapping.classify(e));
    } finally {
      metrics.graphQlOperation(operation, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static String refuse(Context ctx, Failure failure) {
    failure.applyTo(ctx);
    ctx.json(failure.graphQlBody());
    return failure.code().name();
  }

  private byte[] readBody(Context ctx) {
    if (ctx.req().getContentLengthLong() > maxBodyBytes) {
      throw new ContentTooLargeResponse();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(Math.toIntExact(maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw new ContentTooLargeResponse();
      }
      return body;
    } catch (IOException e) {
      throw new BadRequestResponse();
    }
  }
}
