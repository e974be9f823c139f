package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.AnswerLog;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.IdempotencyStore.ClaimRequest;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredAnswer;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@code idempotency_keys} in one tenant's transaction: claiming a key, keeping an answer under the
 * claim (in the transaction of the request's events) and giving a claim up. Row security keeps each
 * tenant to its own keys.
 */
record PgAnswers(Session session) implements AnswerLog {

  private static final String CLAIM =
      """
      INSERT INTO idempotency_keys
        (tenant_id, subject, idempotency_key, fingerprint, claim, claimed_at, created_at)
      VALUES (:tenant, :subject, :key, :fingerprint, :claim, :now, :now)
      ON CONFLICT (tenant_id, subject, idempotency_key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, claim = EXCLUDED.claim,
            claimed_at = EXCLUDED.claimed_at, created_at = EXCLUDED.created_at,
            status_code = NULL, body = NULL
        WHERE idempotency_keys.created_at <= :expiredBefore
           OR (idempotency_keys.status_code IS NULL
               AND idempotency_keys.fingerprint = EXCLUDED.fingerprint
               AND idempotency_keys.claimed_at <= :staleBefore)
      RETURNING claim""";
  private static final String FOUND =
      """
      SELECT fingerprint, status_code, body FROM idempotency_keys
      WHERE tenant_id = :tenant AND subject = :subject AND idempotency_key = :key""";
  private static final String KEEP =
      """
      UPDATE idempotency_keys SET claim = NULL, status_code = :status, body = :body
      WHERE tenant_id = :tenant AND subject = :subject AND idempotency_key = :key
        AND claim = :claim""";
  private static final String RELEASE =
      """
      DELETE FROM idempotency_keys
      WHERE tenant_id = :tenant AND subject = :subject AND idempotency_key = :key
        AND claim = :claim""";

  Claim claim(ClaimRequest request) {
    String fingerprint = request.fingerprint();
    Optional<UUID> claimed =
        ofKey(session.handle().createQuery(CLAIM), request.key())
            .bind("fingerprint", fingerprint)
            .bind("claim", UUID.randomUUID())
            .bind("now", timestamp(request.now()))
            .bind("expiredBefore", timestamp(request.expiredBefore()))
            .bind("staleBefore", timestamp(request.staleBefore()))
            .mapTo(UUID.class)
            .findOne();
    if (claimed.isPresent()) {
      return new Claim.Claimed(claimed.get(), request.now());
    }
    return ofKey(session.handle().createQuery(FOUND), request.key())
        .map(
            (rs, ctx) -> {
              if (!fingerprint.equals(rs.getString("fingerprint"))) {
                return (Claim) new Claim.Reused();
              }
              int status = rs.getInt("status_code");
              return rs.wasNull()
                  ? new Claim.Running()
                  : new Claim.Answered(new StoredAnswer(status, rs.getBytes("body")));
            })
        .findOne()
        // purged between the two statements: as good as running, the next try claims it
        .orElseGet(Claim.Running::new);
  }

  /** Keeps the answer under its claim; false when the claim is not held. */
  boolean tryKeep(KeptAnswer answer) {
    return ofKey(session.handle().createUpdate(KEEP), answer.key())
            .bind("claim", answer.claim())
            .bind("status", answer.answer().status())
            .bind("body", answer.answer().body())
            .execute()
        == 1;
  }

  @Override
  public void keep(KeptAnswer answer) {
    if (!tryKeep(answer)) {
      throw new ReservationException.IdempotencyInProgress(
          "Another request with this Idempotency-Key took it over: retry later");
    }
  }

  void release(IdempotencyKey key, UUID claim) {
    ofKey(session.handle().createUpdate(RELEASE), key).bind("claim", claim).execute();
  }

  /** {@code statement} bound to the row of {@code key}. */
  private static <S extends SqlStatement<S>> S ofKey(S statement, IdempotencyKey key) {
    return statement
        .bind("tenant", key.tenant().value())
        .bind("subject", key.subject())
        .bind("key", key.key());
  }
}
