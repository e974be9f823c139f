package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

/**
 * One open transaction and the role it runs as. The role and the tenant are transaction-local
 * settings, so nothing survives into the pool. They travel with the first query made through {@link
 * #rows} as one more statement in the same round trip (pgjdbc sends the statements of one execution
 * before a single Sync); any other use of the {@linkplain #handle() handle} sets them first with a
 * statement of its own.
 *
 * <p>A {@linkplain #forTenantReads read session} runs on a connection in autocommit mode: each
 * query carries the settings and runs with them in the implicit transaction PostgreSQL keeps until
 * the Sync, which also commits it. A read then costs one round trip and no {@code BEGIN} or {@code
 * COMMIT}; each query sees its own snapshot.
 *
 * <p>A command's writes may be {@linkplain #defer deferred}: kept until the next statement, before
 * which they go in a round trip of their own, or until the unit of work {@linkplain #finish
 * finishes}, when the COMMIT joins them.
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

  private static final String TENANT_SETTINGS =
      "SELECT set_config('role', '"
          + TENANT_ROLE
          + "', true) AS role, set_config('app.tenant_id', :session_tenant, true) AS tenant";

  /**
   * Writes kept to be sent later in one execution; {@code failure} turns the execution's failure
   * into what the unit of work throws.
   */
  record Deferred(
      List<JdbcStatement> statements, Function<StatementException, RuntimeException> failure) {}

  private final Handle handle;
  private final TenantId tenant;
  private final boolean readOnly;
  private boolean settingsPending;
  private boolean writeLocked;
  private boolean appended;
  private Deferred deferred;

  private Session(Handle handle, TenantId tenant, boolean readOnly, boolean settingsPending) {
    this.handle = handle;
    this.tenant = tenant;
    this.readOnly = readOnly;
    this.settingsPending = settingsPending;
  }

  /**
   * Runs as the tenant role with {@code app.tenant_id} set: row security shows only its rows. The
   * handle must be in a transaction.
   */
  static Session forTenant(Handle handle, TenantId tenant) {
    return new Session(handle, tenant, false, true);
  }

  /**
   * Reads of one tenant on a handle in autocommit mode, one round trip per query through {@link
   * #rows}; writes and direct use of the handle are refused.
   */
  static Session forTenantReads(Handle handle, TenantId tenant) {
    return new Session(handle, tenant, true, true);
  }

  /** Runs as the system role, which may read every tenant's rows. */
  static Session forSystem(Handle handle) {
    handle
        .createQuery("SELECT set_config('role', '%s', true)".formatted(SYSTEM_ROLE))
        .mapTo(String.class)
        .one();
    return new Session(handle, null, false, false);
  }

  /** The transaction's handle, with the role and tenant set and the deferred writes sent. */
  Handle handle() {
    if (readOnly) {
      throw new IllegalStateException("a read session runs its queries through rows()");
    }
    sendDeferred(false);
    if (settingsPending) {
      JdbcStatement.on(handle, TENANT_SETTINGS)
          .bind("session_tenant", tenant.toString())
          .list(row -> row.getString("tenant"));
      settingsPending = false;
    }
    return handle;
  }

  /** {@code sql} on the transaction's connection, with the role and tenant set. */
  JdbcStatement statement(String sql) {
    return JdbcStatement.on(handle(), sql);
  }

  /**
   * The rows of {@code sql}, its parameters bound by {@code binder}. While the settings are pending
   * they go in front of the query, in the same round trip; in a transaction they then hold for the
   * rest of it.
   */
  <T> List<T> rows(
      String sql, UnaryOperator<JdbcStatement> binder, JdbcStatement.RowReader<T> reader) {
    sendDeferred(false);
    return send(List.of(binder.apply(JdbcStatement.on(handle, sql))), 1, reader).getFirst();
  }

  /**
   * {@code sql} on the transaction's connection, to be sent through {@link #together}, which puts
   * the settings in front while they are pending.
   */
  JdbcStatement part(String sql) {
    return JdbcStatement.on(handle, sql);
  }

  /**
   * Runs {@code statements} in one execution and round trip, the settings in front while they are
   * pending; answers the rows of the first {@code withRows} statements' results, in order.
   */
  <T> List<List<T>> together(
      List<JdbcStatement> statements, int withRows, JdbcStatement.RowReader<T> reader) {
    if (readOnly) {
      throw new IllegalStateException("a read session writes nothing");
    }
    sendDeferred(false);
    return send(statements, withRows, reader);
  }

  /**
   * Keeps {@code writes} to be sent before the unit of work's next statement, or at its end with
   * the COMMIT ({@link #finish}), which then costs no round trip of its own. At most one is kept:
   * another sends the one before.
   */
  void defer(Deferred writes) {
    if (readOnly) {
      throw new IllegalStateException("a read session writes nothing");
    }
    sendDeferred(false);
    deferred = writes;
  }

  /**
   * Ends a unit of work that is to commit: writes still deferred go with the COMMIT in their round
   * trip, after which the connection's own commit has nothing left to send.
   */
  void finish() {
    sendDeferred(true);
  }

  /** Runs {@code action} after the transaction commits (not if it rolls back). */
  void afterCommit(Runnable action) {
    handle.afterCommit(action);
  }

  private void sendDeferred(boolean commit) {
    Deferred writes = deferred;
    if (writes == null) {
      return;
    }
    deferred = null;
    List<JdbcStatement> statements = writes.statements();
    if (commit) {
      statements = new ArrayList<>(statements);
      statements.add(JdbcStatement.on(handle, "COMMIT"));
    }
    try {
      send(statements, 0, row -> null);
    } catch (StatementException e) {
      throw writes.failure().apply(e);
    }
  }

  private <T> List<List<T>> send(
      List<JdbcStatement> statements, int withRows, JdbcStatement.RowReader<T> reader) {
    if (!settingsPending) {
      return JdbcStatement.together(handle, statements).results(0, withRows, reader);
    }
    List<JdbcStatement> all = new ArrayList<>(statements.size() + 1);
    all.add(JdbcStatement.on(handle, TENANT_SETTINGS).bind("session_tenant", tenant.toString()));
    all.addAll(statements);
    List<List<T>> results = JdbcStatement.together(handle, all).results(1, withRows, reader);
    settingsPending = readOnly; // a read session's next query runs in a transaction of its own
    return results;
  }

  TenantId tenant() {
    return tenant;
  }

  int lockKey() {
    return tenant.value().hashCode();
  }

  /** Takes the tenant's rebuild lock exclusively: waits for writers, holds off new ones. */
  void lockForRebuild() {
    lock("pg_advisory_xact_lock");
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
    lock("pg_advisory_xact_lock_shared");
  }

  /** Waits for the tenant's rebuild lock through {@code function}, then holds it to the end. */
  private void lock(String function) {
    statement("SELECT " + function + "(:ns, :key)::text")
        .bind("ns", LOCK_NAMESPACE)
        .bind("key", lockKey())
        .list(row -> row.getString(1));
    writeLocked = true;
  }
}
