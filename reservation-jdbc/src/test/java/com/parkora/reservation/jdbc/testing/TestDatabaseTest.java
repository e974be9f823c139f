package com.parkora.reservation.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.jdbc.DatabaseUrl;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void an_unreachable_server_fails_the_test_and_says_how_to_start_postgresql() {
    DatabaseUrl nowhere =
        new DatabaseUrl("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", null);

    assertThatThrownBy(() -> TestDatabase.createEmpty(nowhere, "unreachable"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect 15 main start")
        .hasMessageContaining(TestDatabase.ENVIRONMENT);
  }

  @Test
  void a_test_database_is_dropped_when_closed() {
    TestDatabase db = TestDatabase.create("dropped");
    String name = db.name();
    db.close();

    try (TestDatabase other = TestDatabase.createEmpty("observer");
        Handle handle = other.jdbi().open()) {
      assertThat(
              handle
                  .createQuery("SELECT count(*) FROM pg_database WHERE datname = :name")
                  .bind("name", name)
                  .mapTo(Long.class)
                  .one())
          .isZero();
    }
  }
}
