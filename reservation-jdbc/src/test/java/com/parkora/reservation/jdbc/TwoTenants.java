package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a static {@code @RegisterExtension} field: a database for the test class on which two tenants
 * have each booked spot {@value #SPOT} for the same two hours, what row security must keep apart;
 * and the check that nothing of a tenant's session is left in a pooled connection.
 */
final class TwoTenants implements BeforeAllCallback, AfterAllCallback {

  static final String SPOT = "SHARED-1";
  static final Instant START = Instant.parse("2027-03-01T10:00:00Z");

  private final String label;
  private TestDatabase db;
  private TenantId a;
  private TenantId b;
  private UUID ofA;
  private UUID ofB;

  TwoTenants(String label) {
    this.label = label;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    db = TestDatabase.create(label);
    a = Fixtures.newTenant();
    b = Fixtures.newTenant();
    ofA = book(a);
    ofB = book(b);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    db.close();
  }

  private UUID book(TenantId tenant) {
    return Fixtures.book(db.storage(), tenant, SPOT, START, 2);
  }

  TestDatabase db() {
    return db;
  }

  PostgresStorage storage() {
    return db.storage();
  }

  TenantId a() {
    return a;
  }

  TenantId b() {
    return b;
  }

  UUID ofA() {
    return ofA;
  }

  UUID ofB() {
    return ofB;
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
