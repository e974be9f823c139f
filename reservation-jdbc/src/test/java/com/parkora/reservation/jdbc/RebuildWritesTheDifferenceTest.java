package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.RowsChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rebuild writes only where the read model differs from the replay: a row it gives back as it is
 * keeps its row version ({@code xmin}), a wrong row is replaced, a missing one inserted, a stray
 * one deleted.
 */
class RebuildWritesTheDifferenceTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.perTest("rebuild_difference");

  private final TenantId tenant = Fixtures.newTenant();

  @Test
  void a_rebuild_of_a_right_model_rewrites_no_row() {
    List<UUID> ids = reserve(6);
    List<ReservationView> live = rows();
    Map<UUID, String> versions = rowVersions();

    List<Long> changed = rebuild();

    assertThat(rows()).isEqualTo(live);
    assertThat(rowVersions()).isEqualTo(versions).containsOnlyKeys(ids);
    assertThat(changed).as("rows removed and written").containsExactly(0L, 0L);
  }

  @Test
  void a_rebuild_of_a_drifted_model_replaces_exactly_the_rows_that_differ() {
    List<UUID> ids = reserve(6);
    List<ReservationView> live = rows();
    UUID changed = ids.get(0);
    UUID lost = ids.get(1);
    UUID retimed = ids.get(3);
    UUID stray = UUID.randomUUID();
    try (Handle handle = db.jdbi().open()) {
      handle.execute("UPDATE reservations SET status = 'CANCELLED' WHERE id = ?", changed);
      handle.execute(
          "UPDATE reservations SET updated_at = updated_at + interval '1 microsecond',"
              + " transaction_id = 'wrong' WHERE id = ?",
          retimed);
      handle.execute("DELETE FROM reservations WHERE id = ?", lost);
      handle.execute(
          "INSERT INTO reservations ("
              + Rows.RESERVATION_COLUMNS
              + ") SELECT ?, tenant_id,"
              + " user_id, 'S-stray', start_time, end_time, duration_hours, total_cost, status,"
              + " transaction_id, created_at, updated_at FROM reservations WHERE id = ?",
          stray,
          ids.get(2));
    }
    Map<UUID, String> drifted = rowVersions();

    List<Long> told = rebuild();

    assertThat(rows()).isEqualTo(live);
    assertThat(told)
        .as("the changed, retimed and stray rows, the changed, retimed and lost ones")
        .containsExactly(3L, 3L);
    Map<UUID, String> rebuilt = rowVersions();
    assertThat(rebuilt).containsOnlyKeys(ids);
    assertThat(rebuilt.get(changed)).isNotEqualTo(drifted.get(changed));
    assertThat(rebuilt.get(retimed)).isNotEqualTo(drifted.get(retimed));
    Map<UUID, String> untouched = new HashMap<>(drifted);
    untouched.keySet().removeAll(List.of(changed, retimed, stray));
    assertThat(rebuilt).containsAllEntriesOf(untouched).hasSize(untouched.size() + 3);
  }

  /**
   * Two rows of the model hold each other's spots: neither can be set right while the other holds
   * its place, and the rebuild still gives the replay back without a conflict.
   */
  @Test
  void a_rebuild_moves_rows_that_swapped_places() {
    List<UUID> ids = reserve(2);
    UUID first = ids.get(0);
    UUID second = ids.get(1);
    List<ReservationView> live = rows();
    try (Handle handle = db.jdbi().open()) {
      handle.execute("UPDATE reservations SET parking_spot_id = 'S-x' WHERE id = ?", first);
      handle.execute("UPDATE reservations SET parking_spot_id = 'S-0' WHERE id = ?", second);
      handle.execute("UPDATE reservations SET parking_spot_id = 'S-1' WHERE id = ?", first);
    }

    List<Long> told = rebuild();

    assertThat(rows()).isEqualTo(live);
    assertThat(told).containsExactly(2L, 2L);
  }

  /** Rebuilds the tenant's model, and gives the rows the rebuild says it removed and wrote. */
  private List<Long> rebuild() {
    RowsChanged told = new RowsChanged();
    db.storage().rebuild(tenant, new Projector(), told);
    return List.of(told.removed(), told.written());
  }

  /** {@code count} reservations of the tenant, every second one confirmed. */
  private List<UUID> reserve(int count) {
    TestClock clock = TestClock.at("2026-12-01T08:00:00Z");
    ReservationService service = ReservationService.builder(db.storage()).clock(clock).build();
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              clock.advance(Duration.ofMinutes(1));
              UUID id =
                  service
                      .create(
                          tenant,
                          UUID.randomUUID().toString(),
                          "S-" + i,
                          clock.instant().plus(Duration.ofHours(2)).toString(),
                          2,
                          5.0)
                      .id();
              if (i % 2 == 1) {
                service.confirm(tenant, id.toString(), "t-" + i);
              }
              return id;
            })
        .toList();
  }

  private List<ReservationView> rows() {
    return db.storage().inTransaction(tenant, Fixtures::allRows);
  }

  /** Each of the tenant's rows and the transaction that wrote its current version. */
  private Map<UUID, String> rowVersions() {
    try (Handle handle = db.jdbi().open()) {
      return handle
          .createQuery("SELECT id, xmin::text AS version FROM reservations WHERE tenant_id = ?")
          .bind(0, tenant.value())
          .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("version")))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
  }
}
