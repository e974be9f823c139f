package com.parkora.reservation.http;

import com.fasterxml.jackson.databind.ObjectReader;
import com.parkora.reservation.app.AnswerRecorder;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.IdempotencyKey;
import graphql.language.Document;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /graphql}: reads at most the configured body size, names the tenant, executes and
 * answers in GraphQL's wire shape. A request that cannot be executed at all (bad JSON, no query,
 * bad tenant header, too large) is a 4xx whose body still carries {@code errors[].extensions.code}.
 */
record GraphQlEndpoint(
    GraphQlEngine engine,
    TenantResolver tenants,
    HttpMetrics metrics,
    ObjectReader requests,
    long maxBodyBytes,
    KeyedRequests keyed) {

  private static final Logger LOG = LoggerFactory.getLogger(GraphQlEndpoint.class);

  static final String NOT_JSON =
      "POST /graphql takes a JSON body: send Content-Type: application/json";

  /** The largest declared body read into an array of its length at once. */
  static final int PRESIZED_BODY = 8 * 1024;

  static final String NOT_UTF8 = "The request body must be JSON in UTF-8, not UTF-16 or UTF-32";

  void handle(Context ctx) {
    long started = System.nanoTime();
    String operation = null;
    String outcome = "OK";
    try {
      if (!JsonContentType.accepts(ctx.contentType())) {
        outcome = refuse(ctx, ErrorMapping.invalidInput(415, NOT_JSON));
        return;
      }
      byte[] body = readBody(ctx);
      if (!JsonContentType.utf8(body)) {
        outcome = refuse(ctx, ErrorMapping.invalidInput(415, NOT_UTF8));
        return;
      }
      GraphQlRequest request = GraphQlRequest.parse(body, requests);
      operation = request.operationName();
      RequestLogContext.operation(operation);
      Tenancy tenancy = tenants.resolve(ctx);
      String key = ctx.header(KeyedRequests.HEADER);
      Optional<Document> mutation = key == null ? Optional.empty() : KeyedMutation.of(request);
      Optional<TenantId> scope = mutation.isEmpty() ? Optional.empty() : scope(tenancy);
      if (scope.isPresent()) {
        KeyedRequests.Answer answer =
            keyed(ctx, request, mutation.get(), tenancy, scope.get(), key);
        outcome = answer.codes().isEmpty() ? "OK" : answer.codes().iterator().next().name();
        return;
      }
      GraphQlEngine.Outcome result = engine.execute(request, tenancy);
      operation = result.operationName();
      outcome = result.firstErrorCode() == null ? "OK" : result.firstErrorCode();
      if (result.hasErrorCode(ErrorCode.UNAUTHENTICATED)) {
        new Failure(ErrorCode.UNAUTHENTICATED, 401, Tenancy.AUTHENTICATION_REQUIRED).applyTo(ctx);
      }
      if (result.flat() != null) {
        ctx.contentType(ContentType.APPLICATION_JSON);
        send(ctx, result.flat());
      } else {
        ctx.json(result.body());
      }
    } catch (RuntimeException e) {
      outcome = refuse(ctx, ErrorMapping.classify(e));
    } finally {
      metrics.graphQlOperation(operation, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Writes a flat answer straight into the response (Javalin would copy a result again). It was
   * checked whole, so only the connection can fail meanwhile: then nothing more can be sent, as
   * when Javalin's copy of a result fails, and the operation's outcome stays that of its answer.
   */
  private static void send(Context ctx, FlatQueries.Answer answer) {
    try {
      answer.writeTo(ctx.outputStream());
    } catch (IOException e) {
      LOG.debug("The answer could not be sent: {}", e.toString());
    }
  }

  /**
   * A keyed mutation: run once for its key, its answer rendered and kept in the unit of work of its
   * events, replayed to retries.
   */
  private KeyedRequests.Answer keyed(
      Context ctx,
      GraphQlRequest request,
      Document document,
      Tenancy tenancy,
      TenantId tenant,
      String rawKey) {
    IdempotencyKey key =
        KeyedRequests.key(tenant, tenancy.actor(Tenancy.GRAPHQL).subject(), rawKey);
    String fingerprint =
        Fingerprints.graphQl(request.operationName(), document, request.variables());
    return keyed.answer(
        ctx,
        key,
        fingerprint,
        result ->
            keyed
                .graphQlAnswer(
                    engine.executeByGraphQlJava(
                        request,
                        tenancy,
                        Map.of(
                            ReservationFetchers.AnsweredResult.class,
                            new ReservationFetchers.AnsweredResult(result))))
                .stored(),
        recorder ->
            keyed.graphQlAnswer(
                engine.executeByGraphQlJava(
                    request, tenancy, Map.of(AnswerRecorder.class, recorder))));
  }

  /** The tenant a keyed request is scoped to; empty when it has none (it answers that error). */
  private static Optional<TenantId> scope(Tenancy tenancy) {
    try {
      return Optional.of(tenancy.require());
    } catch (ReservationException e) {
      return Optional.empty();
    }
  }

  private static String refuse(Context ctx, Failure failure) {
    failure.applyTo(ctx);
    ctx.json(failure.graphQlBody());
    return failure.code().name();
  }

  /**
   * The body. A small one with a Content-Length is read into an array of that length (no 8 KiB
   * chunk); a larger or undeclared one grows as its bytes arrive, so a declared length alone, from
   * a client that then sends nothing, reserves no more memory than that.
   */
  private byte[] readBody(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw new ContentTooLargeResponse();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body =
          declared >= 0 && declared <= PRESIZED_BODY
              ? exactly(in, (int) declared)
              : in.readNBytes(limit());
      if (body.length > maxBodyBytes) {
        throw new ContentTooLargeResponse();
      }
      return body;
    } catch (IOException e) {
      throw new BadRequestResponse();
    }
  }

  private static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] body = new byte[length];
    if (in.readNBytes(body, 0, length) < length) {
      throw new IOException("the body ended before its Content-Length");
    }
    return body;
  }

  private int limit() {
    return Math.toIntExact(maxBodyBytes + 1);
  }
}
