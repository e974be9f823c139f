package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** The event stream of the Python service (docs/events.md) replays into the same read model. */
class PythonEventStoreTest {

  private static final TenantId TENANT = TenantId.parse("00000000-0000-0000-0000-000000000001");

  @Test
  void events_written_by_the_python_service_replay_into_the_expected_read_model() {
    try (TestDatabase db = TestDatabase.create("python_events")) {
      run(db, "python/events.sql");

      long replayed = db.storage().rebuild(TENANT, new Projector(), Storage.RebuildProgress.NONE);

      assertThat(replayed).isEqualTo(11);
      assertThat(rows(db.storage())).containsExactlyElementsOf(expectedRows());
    }
  }

  @Test
  void a_python_database_migrates_in_place_orders_its_events_by_time_and_replays() {
    try (TestDatabase db = pythonDatabase("python_in_place")) {
      db.jdbi()
          .useHandle(
              handle -> {
                handle.execute(
                    """
                    INSERT INTO reservations VALUES ('10000000-0000-0000-0000-000000000001',
                      '00000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000001',
                      'A-12', now(), now() + interval '1 hour', 1, 1, 'CONFIRMED', gen_random_uuid(),
                      now(), now())""");
                storeCreationsPhysicallyLast(handle);
              });

      assertThat(db.storage().migrate()).isEqualTo(PackagedMigrations.latest());

      try (Handle handle = db.jdbi().open()) {
        List<String> byPosition =
            handle
                .createQuery("SELECT id::text FROM event_store ORDER BY position")
                .mapTo(String.class)
                .list();
        List<String> byTime =
            handle
                .createQuery("SELECT id::text FROM event_store ORDER BY created_at")
                .mapTo(String.class)
                .list();
        assertThat(byPosition).isEqualTo(byTime);
      }
      db.storage().rebuild(TENANT, new Projector(), Storage.RebuildProgress.NONE);
      assertThat(rows(db.storage())).containsExactlyElementsOf(expectedRows());

      ReservationService service = ReservationService.builder(db.storage()).build();
      service.cancel(TENANT, "10000000-0000-0000-0000-000000000005", "migrated");
      assertThat(service.events(TENANT, "10000000-0000-0000-0000-000000000005"))
          .extracting(StoredEvent::version)
          .containsExactly(1L, 2L);
      assertThat(service.byId(TENANT, "10000000-0000-0000-0000-000000000005"))
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ReservationStatus.CANCELLED));
    }
  }

  @Test
  void a_python_database_with_double_bookings_is_refused_naming_them() {
    try (TestDatabase db = TestDatabase.createEmpty("python_double_booked")) {
      run(db, "python/schema.sql");
      try (Handle handle = db.jdbi().open()) {
        for (String id :
            List.of(
                "20000000-0000-0000-0000-000000000001", "20000000-0000-0000-0000-000000000002")) {
          handle.execute(
              "INSERT INTO reservations VALUES ('"
                  + id
                  + "',"
                  + " '00000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000001',"
                  + " 'A-12', '2026-01-10 10:00+00', '2026-01-10 12:00+00', 2, 1, 'PENDING', NULL,"
                  + " now(), now())");
        }
      }

      assertThatThrownBy(() -> db.storage().migrate())
          .hasMessageContaining("double bookings")
          .hasMessageContaining(
              "20000000-0000-0000-0000-000000000001 & 20000000-0000-0000-0000-000000000002");
    }
  }

  @Test
  void versions_the_python_service_repeated_under_concurrency_are_renumbered_in_time_order() {
    try (TestDatabase db = pythonDatabase("python_duplicates")) {
      db.jdbi()
          .useHandle(
              handle ->
                  handle.execute(
                      """
                      INSERT INTO event_store (aggregate_id, aggregate_type, event_type, version,
                        data, tenant_id, created_at) VALUES ('10000000-0000-0000-0000-000000000005',
                        'Reservation', 'PAYMENT_FAILED', 1,
                        '{"id": "10000000-0000-0000-0000-000000000005", "status": "PENDING",
                          "error_code": "TIMEOUT"}',
                        '00000000-0000-0000-0000-000000000001', '2026-01-10 13:00:01+00')"""));

      db.storage().migrate();

      UUID fifth = UUID.fromString("10000000-0000-0000-0000-000000000005");
      List<StoredEvent> stream =
          db.storage().inTransaction(TENANT, uow -> uow.events().load(fifth));
      assertThat(stream).extracting(StoredEvent::version).containsExactly(1L, 2L);
      assertThat(stream)
          .extracting(StoredEvent::type)
          .extracting(Enum::name)
          .containsExactly("RESERVATION_CREATED", "PAYMENT_FAILED");
    }
  }

  @Test
  void python_metadata_and_versions_read_back_through_the_event_store() {
    try (TestDatabase db = TestDatabase.create("python_stream")) {
      run(db, "python/events.sql");
      UUID first = UUID.fromString("10000000-0000-0000-0000-000000000001");
      List<StoredEvent> stream =
          db.storage().inTransaction(TENANT, uow -> uow.events().load(first));

      assertThat(stream).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
      assertThat(stream.getFirst().metadata()).containsEntry("source", "graphql_mutation");
      assertThat(stream.get(1).metadata()).containsEntry("source", "payment");
    }
  }

  /**
   * An update writes new row versions at the end of the heap: table order is no longer time order.
   */
  private static void storeCreationsPhysicallyLast(Handle handle) {
    handle.execute(
        "UPDATE event_store SET event_metadata = event_metadata"
            + " WHERE event_type = 'RESERVATION_CREATED'");
  }

  private static List<ReservationView> rows(PostgresStorage storage) {
    return storage.inTransaction(TENANT, Fixtures::allRows);
  }

  private static List<ReservationView> expectedRows() {
    return List.of(
        row(
            5,
            3,
            "C-1",
            "2026-01-14T07:30:00Z",
            "2026-01-14T09:30:00Z",
            2,
            "4.50",
            ReservationStatus.PENDING,
            null,
            "2026-01-10T13:00:00Z",
            "2026-01-10T13:00:00Z"),
        row(
            4,
            3,
            "C-1",
            "2026-01-14T07:00:00Z",
            "2026-01-14T08:00:00Z",
            1,
            "2.00",
            ReservationStatus.EXPIRED,
            null,
            "2026-01-10T12:00:00Z",
            "2026-01-10T12:30:00Z"),
        row(
            3,
            1,
            "A-12",
            "2026-01-13T10:00:00Z",
            "2026-01-13T11:00:00Z",
            1,
            "3.25",
            ReservationStatus.CONFIRMED,
            "3f1e2d4c-5b6a-4789-8abc-def012345678",
            "2026-01-10T10:00:00Z",
            "2026-01-10T11:30:00Z"),
        row(
            2,
            2,
            "B-3",
            "2026-01-12T08:00:00Z",
            "2026-01-12T11:00:00Z",
            3,
            "12.00",
            ReservationStatus.CANCELLED,
            null,
            "2026-01-10T09:01:00Z",
            "2026-01-10T11:00:00Z"),
        row(
            1,
            1,
            "A-12",
            "2026-01-11T09:30:00Z",
            "2026-01-11T11:30:00Z",
            2,
            "7.50",
            ReservationStatus.COMPLETED,
            "pay_8f2c91",
            "2026-01-10T09:00:00.123456Z",
            "2026-01-11T11:31:00Z"));
  }

  private static ReservationView row(
      int n,
      int user,
      String spot,
      String start,
      String end,
      int hours,
      String cost,
      ReservationStatus status,
      String transactionId,
      String created,
      String updated) {
    return new ReservationView(
        UUID.fromString("10000000-0000-0000-0000-00000000000" + n),
        TENANT,
        UUID.fromString("90000000-0000-0000-0000-00000000000" + user),
        spot,
        Instant.parse(start),
        Instant.parse(end),
        hours,
        new BigDecimal(cost),
        status,
        transactionId,
        Instant.parse(created),
        Instant.parse(updated));
  }

  /** A database as the Python service left it: its schema and its events, not yet migrated. */
  private static TestDatabase pythonDatabase(String label) {
    TestDatabase db = TestDatabase.createEmpty(label);
    run(db, "python/schema.sql");
    run(db, "python/events.sql");
    return db;
  }

  private static void run(TestDatabase db, String resource) {
    try (InputStream in =
            PythonEventStoreTest.class.getClassLoader().getResourceAsStream(resource);
        Handle handle = db.jdbi().open()) {
      handle.createScript(new String(in.readAllBytes(), StandardCharsets.UTF_8)).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
