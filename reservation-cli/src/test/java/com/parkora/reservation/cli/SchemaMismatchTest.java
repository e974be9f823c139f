package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database whose applied migration was edited is refused by migrate and serve, in one line. */
class SchemaMismatchTest {

  private static final String REFUSAL =
      "the database's migrations do not match this build's"
          + " (V3__feed_checkpoints.sql was edited after it was applied);"
          + " refusing to run against it";

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("cli_schema_mismatch");

  @BeforeAll
  static void aDatabaseWithAnEditedMigration() {
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'"));
  }

  @Test
  void migrate_refuses_it_with_one_line() {
    CliProcess.Result result = InProcess.run("migrate", "--database-url", db.connectionString());

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertRefusal(assertThat(result.errLines()).singleElement().asString());
  }

  @Test
  void serve_refuses_to_start_on_it_with_one_line() {
    CliProcess.Result result =
        InProcess.run("serve", "--port", "0", "--database-url", db.connectionString());

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertRefusal(assertThat(result.errLines()).last().asString());
    assertThat(result.err()).doesNotContain("\tat ");
    assertThat(result.out()).doesNotContain("listening");
  }

  private static void assertRefusal(AbstractStringAssert<?> line) {
    line.startsWith("error: migrating the database at ").endsWith(REFUSAL);
  }
}
