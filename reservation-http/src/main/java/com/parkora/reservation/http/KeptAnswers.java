package com.parkora.reservation.http;

import com.parkora.reservation.app.AnswerRecorder;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredAnswer;
import com.parkora.reservation.port.UnitOfWork;
import java.util.function.Function;

/**
 * The {@link AnswerRecorder} of one keyed request: renders the command's result into the answer the
 * request will send (status and bytes) and keeps it in the unit of work of the command's final
 * events. An answer over {@link #MAX_KEPT_BYTES} is not kept (the key is released, a retry runs
 * again); mutation answers are one object and far smaller.
 */
final class KeptAnswers implements AnswerRecorder {

  /** The largest answer kept. */
  static final int MAX_KEPT_BYTES = 64 * 1024;

  private final IdempotencyKey key;
  private final String fingerprint;
  private final Claim.Claimed claim;
  private final Function<Object, StoredAnswer> render;
  private volatile KeptAnswer kept;
  private volatile boolean undecided;

  KeptAnswers(
      IdempotencyKey key,
      String fingerprint,
      Claim.Claimed claim,
      Function<Object, StoredAnswer> render) {
    this.key = key;
    this.fingerprint = fingerprint;
    this.claim = claim;
    this.render = render;
  }

  @Override
  public void keep(UnitOfWork uow, Object result) {
    StoredAnswer answer = render.apply(result);
    if (answer.body().length > MAX_KEPT_BYTES) {
      return;
    }
    KeptAnswer candidate = of(answer);
    uow.keepAnswer(candidate);
    kept = candidate;
  }

  @Override
  public void undecided() {
    undecided = true;
  }

  /** The answer kept with the command's events, if the command got that far. */
  KeptAnswer kept() {
    return kept;
  }

  boolean isUndecided() {
    return undecided;
  }

  /** {@code answer} as kept under this request's claim. */
  KeptAnswer of(StoredAnswer answer) {
    return new KeptAnswer(key, fingerprint, claim.claim(), answer, claim.at());
  }
}
