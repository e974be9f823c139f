package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.ReservationView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What COPY puts into the staging table is exactly the rows given, whatever their characters. */
class StagingCopyTest {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("staging_copy");
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void csv_fields_are_quoted_with_inner_quotes_doubled_and_null_left_empty() {
    StringBuilder csv = new StringBuilder();
    StagingCopy.field(csv, "a\"b,c").append(',');
    StagingCopy.field(csv, null).append(',');
    StagingCopy.field(csv, "");
    assertThat(csv).hasToString("\"a\"\"b,c\",,\"\"");
  }

  @Test
  void rows_with_quotes_commas_newlines_backslashes_and_nulls_arrive_unchanged() throws Exception {
    TenantId tenant = Fixtures.newTenant();
    Instant at = Instant.parse("2027-02-03T04:05:06.789Z");
    List<ReservationView> rows =
        List.of(
            row(tenant, "S-\"1\", level 2", null, at),
            row(tenant, "back\\slash\ttab\nnewline\r\\N\n\\.", "txn,\"x\"\\N", at.plusMillis(1)),
            row(tenant, "NULL", "", at.plusSeconds(1)));
    List<ReservationView> staged =
        Rows.configure(db.jdbi())
            .inTransaction(
                handle -> {
                  Session session = Session.forTenant(handle, tenant);
                  session
                      .handle()
                      .execute(
                          "CREATE TEMPORARY TABLE staged (LIKE reservations INCLUDING DEFAULTS)"
                              + " ON COMMIT DROP");
                  long copied =
                      new StagingCopy("staged").write(handle.getConnection(), tenant, rows);
                  assertThat(copied).isEqualTo(3);
                  return handle
                      .createQuery(
                          "SELECT " + Rows.RESERVATION_COLUMNS + " FROM staged ORDER BY created_at")
                      .mapTo(ReservationView.class)
                      .list();
                });
    assertThat(staged).containsExactlyInAnyOrderElementsOf(rows);
  }

  private static ReservationView row(TenantId tenant, String spot, String transaction, Instant at) {
    return new ReservationView(
        UUID.randomUUID(),
        tenant,
        UUID.randomUUID(),
        spot,
        at,
        at.plusSeconds(7200),
        2,
        new BigDecimal("12.50"),
        ReservationStatus.CONFIRMED,
        transaction,
        at,
        at.plusSeconds(60));
  }
}
