package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Row security keeps tenants apart even though the tests connect as the superuser postgres. */
class TenantIsolationTest {

  @RegisterExtension static final TwoTenants tenants = new TwoTenants("tenant_isolation");

  @Test
  void the_login_is_a_superuser_so_only_row_security_can_be_keeping_tenants_apart() {
    try (Handle handle = tenants.db().jdbi().open()) {
      assertThat(
              handle
                  .createQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                  .mapTo(Boolean.class)
                  .one())
          .isTrue();
      assertThat(handle.createQuery("SELECT count(*) FROM reservations").mapTo(Long.class).one())
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void a_unit_of_work_for_a_reads_nothing_of_b() {
    tenants
        .storage()
        .inTransaction(
            tenants.a(),
            uow -> {
              assertThat(uow.readModel().byId(tenants.ofB())).isEmpty();
              assertThat(uow.events().load(tenants.ofB())).isEmpty();
              assertThat(uow.readModel().list(null, null, 100, 0))
                  .extracting(ReservationView::id)
                  .containsExactly(tenants.ofA());
              assertThat(uow.readModel().bySpot("SHARED-1", null, null))
                  .extracting(ReservationView::id)
                  .containsExactly(tenants.ofA());
              assertThat(uow.events().counts().totalEvents()).isEqualTo(1);
              assertThat(uow.readModel().statusCounts().total()).isEqualTo(1);
              return null;
            });
  }

  @Test
  void a_unit_of_work_for_a_cannot_append_to_or_change_the_rows_of_b() {
    ReservationEvent cancelB =
        new ReservationEvent.ReservationCancelled(tenants.ofB(), "hijack", null, TwoTenants.START);
    assertThatThrownBy(
            () -> Fixtures.record(tenants.storage(), tenants.a(), tenants.ofB(), 1, cancelB))
        .isInstanceOf(ReservationException.Conflict.class);

    tenants
        .db()
        .jdbi()
        .useTransaction(
            handle -> {
              PgReadModel rowsOfA = new PgReadModel(Session.forTenant(handle, tenants.a()));
              rowsOfA.apply(
                  new ReadModelWrite.Update(
                      tenants.ofB(), ReservationStatus.CANCELLED, null, TwoTenants.START));
              rowsOfA.apply(new ReadModelWrite.Delete(tenants.ofB()));
            });

    ReservationView rowOfB =
        tenants
            .storage()
            .inTransaction(tenants.b(), uow -> uow.readModel().byId(tenants.ofB()))
            .orElseThrow();
    assertThat(rowOfB.status()).isEqualTo(ReservationStatus.PENDING);
    List<StoredEvent> streamOfB =
        tenants.storage().inTransaction(tenants.b(), uow -> uow.events().load(tenants.ofB()));
    assertThat(streamOfB).extracting(StoredEvent::version).containsExactly(1L);
  }

  @Test
  void the_tenant_role_with_no_tenant_set_sees_no_rows_of_either_table() throws SQLException {
    try (Connection connection = tenants.storage().dataSource().getConnection();
        Statement sql = connection.createStatement()) {
      connection.setAutoCommit(false);
      sql.execute("SET LOCAL ROLE reservation_tenant");
      assertThat(count(sql, "SELECT count(*) FROM event_store")).isZero();
      assertThat(count(sql, "SELECT count(*) FROM reservations")).isZero();
      sql.execute("SELECT set_config('app.tenant_id', '', true)");
      assertThat(count(sql, "SELECT count(*) FROM event_store")).isZero();
      assertThat(count(sql, "SELECT count(*) FROM reservations")).isZero();
      connection.rollback();
    }
  }

  @Test
  void the_tenant_role_cannot_write_a_row_for_another_tenant() {
    try (Handle handle = tenants.db().jdbi().open()) {
      handle.begin();
      handle.execute("SET LOCAL ROLE reservation_tenant");
      handle.execute("SELECT set_config('app.tenant_id', ?, true)", tenants.a().toString());
      assertThatThrownBy(
              () ->
                  handle.execute(
                      "INSERT INTO reservations (id, tenant_id, user_id,"
                          + " parking_spot_id, start_time, end_time, duration_hours, total_cost, status,"
                          + " created_at, updated_at) VALUES (gen_random_uuid(), ?, gen_random_uuid(), 'X',"
                          + " now(), now() + interval '1 hour', 1, 1, 'PENDING', now(), now())",
                      tenants.b().value()))
          .isInstanceOf(UnableToExecuteStatementException.class)
          .hasMessageContaining("row-level security");
      handle.rollback();
    }
  }

  @Test
  void nothing_of_a_unit_of_work_survives_into_the_pooled_connection() throws SQLException {
    tenants.storage().inTransaction(tenants.a(), uow -> uow.readModel().byId(tenants.ofA()));
    for (int i = 0; i < 20; i++) {
      try (Connection connection = tenants.storage().dataSource().getConnection()) {
        TwoTenants.assertNoSessionLeft(connection);
      }
    }
  }

  @Test
  void the_system_role_reads_every_tenant_but_cannot_write() {
    assertThat(tenants.storage().tenants()).contains(tenants.a(), tenants.b());
    assertThat(tenants.storage().eventCount(tenants.a())).isEqualTo(1);
    try (Handle handle = tenants.db().jdbi().open()) {
      handle.begin();
      handle.execute("SET LOCAL ROLE reservation_system");
      assertThat(
              handle
                  .createQuery("SELECT count(*) FROM reservations WHERE tenant_id IN (?, ?)")
                  .bind(0, tenants.a().value())
                  .bind(1, tenants.b().value())
                  .mapTo(Long.class)
                  .one())
          .isEqualTo(2);
      assertThatThrownBy(() -> handle.execute("DELETE FROM reservations"))
          .isInstanceOf(UnableToExecuteStatementException.class)
          .hasMessageContaining("permission denied");
      handle.rollback();
    }
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
