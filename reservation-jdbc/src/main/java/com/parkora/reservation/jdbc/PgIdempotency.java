package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.KeptAnswer;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link IdempotencyStore} on {@code idempotency_keys} (migration V8): claims, answers without
 * events and releases each in a short transaction of the key's tenant; the purge as the system
 * role, taking expired rows {@code FOR UPDATE SKIP LOCKED}, so instances purging at once skip each
 * other's rows instead of waiting or failing.
 */
record PgIdempotency(PgIdempotency.TenantTransactions tenants, SystemTransactions system)
    implements IdempotencyStore {

  private static final String PURGE =
      """
      DELETE FROM idempotency_keys k USING (
        SELECT tenant_id, subject, idempotency_key FROM idempotency_keys
        WHERE created_at <= :expiredBefore
        LIMIT :limit
        FOR UPDATE SKIP LOCKED) expired
      WHERE k.tenant_id = expired.tenant_id AND k.subject = expired.subject
        AND k.idempotency_key = expired.idempotency_key""";

  /** Runs work in a transaction of one tenant. */
  interface TenantTransactions {
    <T> T inTenant(TenantId tenant, Function<Session, T> work);
  }

  @Override
  public Claim claim(ClaimRequest request) {
    return tenants.inTenant(
        request.key().tenant(), session -> new PgAnswers(session).claim(request));
  }

  @Override
  public boolean complete(KeptAnswer answer) {
    return tenants.inTenant(
        answer.key().tenant(), session -> new PgAnswers(session).tryKeep(answer));
  }

  @Override
  public void release(IdempotencyKey key, UUID claim) {
    tenants.inTenant(
        key.tenant(),
        session -> {
          new PgAnswers(session).release(key, claim);
          return null;
        });
  }

  @Override
  public int purge(Instant expiredBefore, int limit) {
    return system.inSystem(
        session ->
            session
                .handle()
                .createUpdate(PURGE)
                .bind("expiredBefore", timestamp(expiredBefore))
                .bind("limit", limit)
                .execute());
  }
}
