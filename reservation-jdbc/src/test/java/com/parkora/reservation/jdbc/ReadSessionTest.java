package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.ReservationView;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role and tenant travel in front of the first query, in the same execution: they must hold for
 * that query (row security sees them), and nothing may survive into the pool.
 */
class ReadSessionTest {

  private static final String WHO =
      "SELECT current_user::text AS who, current_setting('app.tenant_id', true) AS tenant";
  private static final RowMapper<String> WHO_ROW =
      (rs, ctx) -> rs.getString("who") + " " + rs.getString("tenant");

  private static TestDatabase db;
  private static PostgresStorage storage;
  private static TenantId a;
  private static TenantId b;
  private static UUID ofA;
  private static UUID ofB;

  @BeforeAll
  static void twoTenantsBookTheSameSpot() {
    db = TestDatabase.create("read_session");
    storage = db.storage();
    a = Fixtures.newTenant();
    b = Fixtures.newTenant();
    ofA = book(a);
    ofB = book(b);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  private static UUID book(TenantId tenant) {
    return Fixtures.book(storage, tenant, "SHARED-1", Instant.parse("2027-03-01T10:00:00Z"), 2);
  }

  @Test
  void every_query_of_a_read_session_runs_as_the_tenant_role_with_its_tenant_set() {
    try (Handle handle = db.jdbi().open()) {
      assertThat(handle.isInTransaction()).isFalse();
      Session reads = Session.forTenantReads(handle, a);
      assertThat(reads.rows(WHO, q -> q, WHO_ROW)).containsExactly("reservation_tenant " + a);
      assertThat(reads.rows(WHO, q -> q, WHO_ROW)).containsExactly("reservation_tenant " + a);
      // autocommit: the settings ended with the implicit transaction of each query
      assertThat(handle.createQuery(WHO).map(WHO_ROW).one())
          .doesNotStartWith("reservation_tenant")
          .doesNotContain(a.toString());
    }
  }

  @Test
  void a_read_session_refuses_anything_but_queries() {
    try (Handle handle = db.jdbi().open()) {
      Session reads = Session.forTenantReads(handle, a);
      assertThatThrownBy(reads::handle).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void in_a_transaction_the_settings_sent_with_the_first_query_hold_for_the_rest_of_it() {
    db.jdbi()
        .useTransaction(
            handle -> {
              Session session = Session.forTenant(handle, b);
              assertThat(session.rows(WHO, q -> q, WHO_ROW))
                  .containsExactly("reservation_tenant " + b);
              assertThat(session.handle().createQuery(WHO).map(WHO_ROW).one())
                  .isEqualTo("reservation_tenant " + b);
            });
  }

  @Test
  void a_transaction_that_uses_its_handle_first_gets_the_settings_first() {
    db.jdbi()
        .useTransaction(
            handle -> {
              Session session = Session.forTenant(handle, a);
              assertThat(session.handle().createQuery(WHO).map(WHO_ROW).one())
                  .isEqualTo("reservation_tenant " + a);
              assertThat(session.rows(WHO, q -> q, WHO_ROW))
                  .containsExactly("reservation_tenant " + a);
            });
  }

  @Test
  void reads_of_a_see_only_the_rows_of_a() {
    Optional<ReservationView> ofBForA = storage.read(a, reads -> reads.byId(ofB));
    Optional<ReservationView> ofAForA = storage.read(a, reads -> reads.byId(ofA));
    List<ReservationView> listOfA = storage.read(a, reads -> reads.list(null, null, 100, 0));
    List<ReservationView> spotOfB = storage.read(b, reads -> reads.bySpot("SHARED-1", null, null));
    long countOfA = storage.read(a, reads -> reads.statusCounts().total());
    assertThat(ofBForA).isEmpty();
    assertThat(ofAForA).isPresent();
    assertThat(listOfA).extracting(ReservationView::id).containsExactly(ofA);
    assertThat(spotOfB).extracting(ReservationView::id).containsExactly(ofB);
    assertThat(countOfA).isEqualTo(1);
  }

  @Test
  void nothing_of_a_read_survives_into_the_pooled_connection() throws SQLException {
    for (int i = 0; i < 20; i++) {
      storage.read(i % 2 == 0 ? a : b, reads -> reads.byId(ofA));
      try (Connection connection = storage.dataSource().getConnection();
          Statement sql = connection.createStatement();
          ResultSet rs =
              sql.executeQuery(
                  "SELECT current_user,"
                      + " coalesce(current_setting('app.tenant_id', true), '')")) {
        assertThat(connection.getAutoCommit()).isTrue();
        rs.next();
        assertThat(rs.getString(1)).isNotIn("reservation_tenant", "reservation_system");
        assertThat(rs.getString(2)).isEmpty();
      }
    }
  }
}
