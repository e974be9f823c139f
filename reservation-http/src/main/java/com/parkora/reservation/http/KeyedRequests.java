package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.Idempotency;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredAnswer;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests sent with an {@code Idempotency-Key} (docs/graphql.md, "Idempotency-Key"): the key is
 * claimed in the caller's scope, the request runs once, and its answer, kept with the events it
 * caused, is replayed byte for byte to every retry with {@code Idempotent-Replayed: true}. An
 * answer that reached a decision is kept even when it is an error; one that did not (a dependency
 * or the store did not answer) releases the key, so the retry runs again.
 */
final class KeyedRequests {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  /**
   * A system property only tests set: the JVM halts right after a keyed command committed its
   * events and answer, before the answer is sent, as a {@code kill -9} at that moment would.
   */
  static final String HALT_AFTER_COMMIT = "reservation.test.halt-after-commit";

  /** Codes of answers that reached a decision: a retry would get the same, so they are kept. */
  private static final Set<ErrorCode> DECIDED =
      EnumSet.of(
          ErrorCode.INVALID_INPUT,
          ErrorCode.NOT_FOUND,
          ErrorCode.INVALID_STATE,
          ErrorCode.SLOT_UNAVAILABLE,
          ErrorCode.FORBIDDEN,
          ErrorCode.UNKNOWN_PARKING_SPOT,
          ErrorCode.PRICE_MISMATCH);

  private static final Logger LOG = LoggerFactory.getLogger(KeyedRequests.class);

  private final Idempotency idempotency;
  private final ObjectMapper json;

  KeyedRequests(Idempotency idempotency, ObjectMapper json) {
    this.idempotency = idempotency;
    this.json = json;
  }

  /** The answer a request gives: its status, body and the codes of its errors. */
  record Answer(int status, byte[] body, Set<ErrorCode> codes) {

    boolean decided() {
      return DECIDED.containsAll(codes);
    }

    StoredAnswer stored() {
      return new StoredAnswer(status, body);
    }
  }

  /** A keyed request's work: runs it, its commands keeping their answer through the recorder. */
  @FunctionalInterface
  interface Run {
    Answer run(KeptAnswers recorder);
  }

  /** The key of a request in the caller's scope; INVALID_INPUT for a malformed header. */
  static IdempotencyKey key(TenantId tenant, String subject, String rawKey) {
    return new IdempotencyKey(tenant, subject, rawKey);
  }

  /**
   * Runs the request once for its key and sends its answer, or sends the answer kept for the key.
   *
   * @param render the answer of a command's result, rendered in the unit of work that keeps it
   * @return the answer sent (a replay's codes are not known: none)
   * @throws ReservationException.IdempotencyKeyReused for a key used with another request
   * @throws ReservationException.IdempotencyInProgress when the first request still runs
   */
  Answer answer(
      Context ctx,
      IdempotencyKey key,
      String fingerprint,
      Function<Object, StoredAnswer> render,
      Run run) {
    Claim claim = idempotency.begin(key, fingerprint);
    if (claim instanceof Claim.Answered answered) {
      ctx.header(REPLAYED, "true");
      return send(ctx, answered.answer());
    }
    Claim.Claimed claimed = (Claim.Claimed) claim;
    KeptAnswers recorder = new KeptAnswers(key, fingerprint, claimed, render);
    Answer answer;
    try {
      answer = run.run(recorder);
    } catch (RuntimeException e) {
      releaseQuietly(key, claimed);
      throw e;
    }
    KeptAnswer kept = recorder.kept();
    if (kept != null && answer.codes().isEmpty()) {
      haltIfTestAsks();
      return send(ctx, kept.answer());
    }
    if (recorder.isUndecided()
        || !answer.decided()
        || answer.body().length > KeptAnswers.MAX_KEPT_BYTES) {
      releaseQuietly(key, claimed);
    } else {
      try {
        idempotency.complete(recorder.of(answer.stored()));
      } catch (RuntimeException e) {
        LOG.warn("the answer of a keyed request could not be kept; its key frees up later", e);
      }
    }
    send(ctx, answer.stored());
    return answer;
  }

  /** The answer of a GraphQL execution, as the endpoint sends it. */
  Answer graphQlAnswer(GraphQlEngine.Outcome outcome) {
    int status = outcome.hasErrorCode(ErrorCode.UNAUTHENTICATED) ? 401 : 200;
    return new Answer(status, bytes(outcome.body()), outcome.errorCodes());
  }

  byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new ReservationException.Internal("an answer could not be written", e);
    }
  }

  private Answer send(Context ctx, StoredAnswer answer) {
    ctx.status(answer.status());
    if (answer.status() == 401) {
      ctx.header("WWW-Authenticate", Failure.BEARER_CHALLENGE);
    }
    ctx.contentType(ContentType.APPLICATION_JSON).result(answer.body());
    return new Answer(answer.status(), answer.body(), Set.of());
  }

  private void releaseQuietly(IdempotencyKey key, Claim.Claimed claimed) {
    try {
      idempotency.release(key, claimed.claim());
    } catch (RuntimeException e) {
      LOG.warn("a key could not be released; it frees up once its claim runs out", e);
    }
  }

  private static void haltIfTestAsks() {
    if (Boolean.getBoolean(HALT_AFTER_COMMIT)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
