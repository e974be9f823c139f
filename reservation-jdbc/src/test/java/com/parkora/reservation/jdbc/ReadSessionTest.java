package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.port.ReservationView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The role and tenant travel in front of the first query, in the same execution: they must hold for
 * that query (row security sees them), and nothing may survive into the pool.
 */
class ReadSessionTest {

  private static final String WHO =
      "SELECT current_user::text AS who, current_setting('app.tenant_id', true) AS tenant";
  private static final JdbcStatement.RowReader<String> WHO_ROW =
      rs -> rs.getString("who") + " " + rs.getString("tenant");

  @RegisterExtension static final TwoTenants tenants = new TwoTenants("read_session");

  @Test
  void every_query_of_a_read_session_runs_as_the_tenant_role_with_its_tenant_set() {
    try (Handle handle = tenants.db().jdbi().open()) {
      assertThat(handle.isInTransaction()).isFalse();
      Session reads = Session.forTenantReads(handle, tenants.a());
      assertThat(reads.rows(WHO, q -> q, WHO_ROW))
          .containsExactly("reservation_tenant " + tenants.a());
      assertThat(reads.rows(WHO, q -> q, WHO_ROW))
          .containsExactly("reservation_tenant " + tenants.a());
      // autocommit: the settings ended with the implicit transaction of each query
      assertThat(handle.createQuery(WHO).map((rs, ctx) -> WHO_ROW.read(rs)).one())
          .doesNotStartWith("reservation_tenant")
          .doesNotContain(tenants.a().toString());
    }
  }

  @Test
  void a_read_session_refuses_anything_but_queries() {
    try (Handle handle = tenants.db().jdbi().open()) {
      Session reads = Session.forTenantReads(handle, tenants.a());
      assertThatThrownBy(reads::handle).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void in_a_transaction_the_settings_sent_with_the_first_query_hold_for_the_rest_of_it() {
    tenants
        .db()
        .jdbi()
        .useTransaction(
            handle -> {
              Session session = Session.forTenant(handle, tenants.b());
              assertThat(session.rows(WHO, q -> q, WHO_ROW))
                  .containsExactly("reservation_tenant " + tenants.b());
              assertThat(session.handle().createQuery(WHO).map((rs, ctx) -> WHO_ROW.read(rs)).one())
                  .isEqualTo("reservation_tenant " + tenants.b());
            });
  }

  @Test
  void a_transaction_that_uses_its_handle_first_gets_the_settings_first() {
    tenants
        .db()
        .jdbi()
        .useTransaction(
            handle -> {
              Session session = Session.forTenant(handle, tenants.a());
              assertThat(session.handle().createQuery(WHO).map((rs, ctx) -> WHO_ROW.read(rs)).one())
                  .isEqualTo("reservation_tenant " + tenants.a());
              assertThat(session.rows(WHO, q -> q, WHO_ROW))
                  .containsExactly("reservation_tenant " + tenants.a());
            });
  }

  @Test
  void reads_of_a_see_only_the_rows_of_a() {
    Optional<ReservationView> ofBForA =
        tenants.storage().read(tenants.a(), reads -> reads.byId(tenants.ofB()));
    Optional<ReservationView> ofAForA =
        tenants.storage().read(tenants.a(), reads -> reads.byId(tenants.ofA()));
    List<ReservationView> listOfA =
        tenants.storage().read(tenants.a(), reads -> reads.list(null, null, 100, 0));
    List<ReservationView> spotOfB =
        tenants.storage().read(tenants.b(), reads -> reads.bySpot("SHARED-1", null, null));
    long countOfA = tenants.storage().read(tenants.a(), reads -> reads.statusCounts().total());
    assertThat(ofBForA).isEmpty();
    assertThat(ofAForA).isPresent();
    assertThat(listOfA).extracting(ReservationView::id).containsExactly(tenants.ofA());
    assertThat(spotOfB).extracting(ReservationView::id).containsExactly(tenants.ofB());
    assertThat(countOfA).isEqualTo(1);
  }

  @Test
  void nothing_of_a_read_survives_into_the_pooled_connection() throws SQLException {
    for (int i = 0; i < 20; i++) {
      tenants
          .storage()
          .read(i % 2 == 0 ? tenants.a() : tenants.b(), reads -> reads.byId(tenants.ofA()));
      try (Connection connection = tenants.storage().dataSource().getConnection()) {
        assertThat(connection.getAutoCommit()).isTrue();
        TwoTenants.assertNoSessionLeft(connection);
      }
    }
  }
}
