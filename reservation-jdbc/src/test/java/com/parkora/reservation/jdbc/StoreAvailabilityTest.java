package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readiness, migrations that can run again, and a database that does not answer. */
class StoreAvailabilityTest {

  @Test
  void a_migrated_store_is_ready_and_migrating_again_changes_nothing() {
    try (TestDatabase db = TestDatabase.create("availability")) {
      assertThat(db.storage().isReady()).isTrue();
      assertThat(db.storage().migrate()).isEqualTo(PackagedMigrations.latest());
      assertThat(db.storage().migrate()).isEqualTo(PackagedMigrations.latest());
    }
  }

  @Test
  void databases_migrating_side_by_side_share_the_roles_without_failing() throws Exception {
    int parallel = 4;
    TestDatabase[] dbs = new TestDatabase[parallel];
    try {
      for (int i = 0; i < parallel; i++) {
        dbs[i] = TestDatabase.createEmpty("parallel_migration");
      }
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel)) {
        var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (TestDatabase db : dbs) {
          results.add(pool.submit(() -> db.storage().migrate()));
        }
        for (var result : results) {
          assertThat(result.get()).isEqualTo(PackagedMigrations.latest());
        }
      }
    } finally {
      for (TestDatabase db : dbs) {
        if (db != null) {
          db.close();
        }
      }
    }
  }

  @Test
  void a_database_that_does_not_answer_is_a_dependency_failure_without_sql_in_the_message() {
    try (PostgresStorage storage =
        PostgresStorage.connect(
            DatabaseUrl.parse("postgresql://nobody:secret@127.0.0.1:1/nothing"),
            1,
            Duration.ofMillis(300))) {
      assertThat(storage.isReady()).isFalse();
      assertThatThrownBy(
              () ->
                  storage.inTransaction(
                      new TenantId(UUID.randomUUID()), uow -> uow.readModel().statusCounts()))
          .isInstanceOfSatisfying(
              ReservationException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE))
          .hasMessage("The database is unavailable");
    }
  }

  @Test
  void the_test_database_names_the_server_it_runs_on() {
    try (TestDatabase db = TestDatabase.create("naming")) {
      assertThat(db.jdbcUrl()).endsWith("/" + db.name());
      try (PostgresStorage storage = PostgresStorage.connect(db.connectionString(), 1)) {
        assertThat(storage.isReady()).isTrue();
      }
    }
  }
}
