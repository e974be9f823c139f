package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Queries across tenants, for a handle acting as the system role (its read-all policy). */
final class SystemQueries {

  /** Distinct tenants by a loose index scan, in the order of their first event. */
  private static final String TENANTS =
      """
      WITH RECURSIVE t(id) AS (
        (SELECT tenant_id FROM event_store ORDER BY tenant_id LIMIT 1)
        UNION ALL
        SELECT (SELECT tenant_id FROM event_store WHERE tenant_id > t.id ORDER BY tenant_id LIMIT 1)
        FROM t WHERE t.id IS NOT NULL)
      SELECT id FROM t WHERE id IS NOT NULL
      ORDER BY (SELECT min(position) FROM event_store e WHERE e.tenant_id = t.id)
      """;

  private SystemQueries() {}

  static List<TenantId> tenants(Handle handle) {
    return handle.createQuery(TENANTS).mapTo(UUID.class).map(TenantId::new).list();
  }

  /** The tenant of a reservation's stream, whichever tenant it is. */
  static Optional<TenantId> tenantOf(Handle handle, UUID reservationId) {
    return handle
        .createQuery(
            "SELECT tenant_id FROM event_store WHERE aggregate_id = :id ORDER BY version LIMIT 1")
        .bind("id", reservationId)
        .mapTo(UUID.class)
        .findOne()
        .map(TenantId::new);
  }

  static long eventCount(Handle handle, TenantId tenant) {
    return handle
        .createQuery("SELECT count(*) FROM event_store WHERE tenant_id = :tenant")
        .bind("tenant", tenant.value())
        .mapTo(Long.class)
        .one();
  }
}
