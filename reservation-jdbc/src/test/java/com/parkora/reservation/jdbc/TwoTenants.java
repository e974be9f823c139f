package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * Two tenants who have each booked spot {@value #SPOT} for the same two hours: what row security
 * must keep apart, and the check that nothing of a tenant's session is left in a pooled connection.
 */
record TwoTenants(TenantId a, TenantId b, UUID ofA, UUID ofB) {

  static final String SPOT = "SHARED-1";
  static final Instant START = Instant.parse("2027-03-01T10:00:00Z");

  static TwoTenants bookTheSameSpot(PostgresStorage storage) {
    TenantId a = Fixtures.newTenant();
    TenantId b = Fixtures.newTenant();
    return new TwoTenants(a, b, book(storage, a), book(storage, b));
  }

  private static UUID book(PostgresStorage storage, TenantId tenant) {
    return Fixtures.book(storage, tenant, SPOT, START, 2);
  }

  /** Asserts that {@code connection} runs as neither role of ours and has no tenant set. */
  static void assertNoSessionLeft(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT current_user," + " coalesce(current_setting('app.tenant_id', true), '')")) {
      rs.next();
      assertThat(rs.getString(1)).isNotIn("reservation_tenant", "reservation_system");
      assertThat(rs.getString(2)).isEmpty();
    }
  }
}
