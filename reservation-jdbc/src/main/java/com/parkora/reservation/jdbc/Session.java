package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import org.jdbi.v3.core.Handle;

/**
 * One open transaction and the role it runs as. Opening sets the role and the tenant with
 * transaction-local settings in a single round trip, so nothing survives into the pool.
 *
 * <p>Writers of a tenant hold its advisory lock shared and a rebuild holds it exclusively: a
 * command that commits during a rebuild waits for it instead of being lost. Readers take no lock,
 * so they keep seeing the old model while a rebuild runs.
 */
final class Session {

  static final String TENANT_ROLE = "reservation_tenant";
  static final String SYSTEM_ROLE = "reservation_system";

  /** First key of the two-key advisory locks that guard tenants ("RESV"). */
  static final int LOCK_NAMESPACE = 0x52455356;

  private final Handle handle;
  private final TenantId tenant;
  private boolean writeLocked;
  private boolean appended;

  private Session(Handle handle, TenantId tenant) {
    this.handle = handle;
    this.tenant = tenant;
  }

  /** Runs as the tenant role with {@code app.tenant_id} set: row security shows only its rows. */
  static Session forTenant(Handle handle, TenantId tenant) {
    handle
        .createQuery(
            "SELECT set_config('role', '%s', true), set_config('app.tenant_id', :tenant, true)"
                .formatted(TENANT_ROLE))
        .bind("tenant", tenant.toString())
        .mapTo(String.class)
        .one();
    return new Session(handle, tenant);
  }

  /** Runs as the system role, which may read every tenant's rows. */
  static Session forSystem(Handle handle) {
    handle
        .createQuery("SELECT set_config('role', '%s', true)".formatted(SYSTEM_ROLE))
        .mapTo(String.class)
        .one();
    return new Session(handle, null);
  }

  Handle handle() {
    return handle;
  }

  TenantId tenant() {
    return tenant;
  }

  int lockKey() {
    return tenant.value().hashCode();
  }

  /** Takes the tenant's rebuild lock exclusively: waits for writers, holds off new ones. */
  void lockForRebuild() {
    handle
        .createQuery("SELECT pg_advisory_xact_lock(:ns, :key)::text")
        .bind("ns", LOCK_NAMESPACE)
        .bind("key", lockKey())
        .mapTo(String.class)
        .one();
    writeLocked = true;
  }

  /** True the first time it is asked in this transaction, for work to do once per commit. */
  boolean firstAppend() {
    boolean first = !appended;
    appended = true;
    return first;
  }

  /** Called once a statement that takes the shared lock itself has run. */
  void markWriteLocked() {
    writeLocked = true;
  }

  /** Takes the shared lock with a statement of its own, unless this transaction holds it. */
  void ensureWriteLocked() {
    if (writeLocked) {
      return;
    }
    handle
        .createQuery("SELECT pg_advisory_xact_lock_shared(:ns, :key)::text")
        .bind("ns", LOCK_NAMESPACE)
        .bind("key", lockKey())
        .mapTo(String.class)
        .one();
    writeLocked = true;
  }
}
