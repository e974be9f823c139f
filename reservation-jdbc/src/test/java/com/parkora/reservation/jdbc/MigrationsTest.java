package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.jdbc.Migrations.Applied;
import com.parkora.reservation.jdbc.PackagedMigrations.Migration;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void every_file_of_db_migration_is_packaged_and_the_newest_is_the_version_expected()
      throws IOException {
    List<String> files;
    try (Stream<Path> listed = Files.list(Path.of("..", "db", "migration"))) {
      files = listed.map(f -> f.getFileName().toString()).sorted().toList();
    }
    List<Migration> packaged = PackagedMigrations.list();
    assertThat(packaged).extracting(Migration::script).containsExactlyInAnyOrderElementsOf(files);
    int newest =
        files.stream()
            .mapToInt(f -> Integer.parseInt(f.substring(1, f.indexOf("__"))))
            .max()
            .orElseThrow();
    assertThat(PackagedMigrations.latest(packaged)).isEqualTo(Integer.toString(newest));
  }

  @Test
  void the_build_indexes_the_packaged_migrations_and_the_index_reads_as_the_directory()
      throws IOException {
    assertThat(getClass().getClassLoader().getResource(PackagedMigrations.INDEX)).isNotNull();
    assertThat(PackagedMigrations.list())
        .isNotEmpty()
        .containsExactlyElementsOf(PackagedMigrations.list(Path.of("..", "db", "migration")));
  }

  @Test
  void the_checksums_computed_without_flyway_are_the_ones_flyway_records() {
    try (TestDatabase db = TestDatabase.createEmpty("migrations_checksums")) {
      Migrations.migrateWithFlyway(db.storage().dataSource());
      assertThat(Migrations.applied(db.storage().dataSource()).orElseThrow())
          .containsExactlyElementsOf(
              PackagedMigrations.list().stream()
                  .map(m -> new Applied(m.version(), m.checksum(), true))
                  .toList());
    }
  }

  @Test
  void a_database_at_the_latest_version_is_recognised_and_an_empty_one_is_migrated() {
    String latest = PackagedMigrations.latest(PackagedMigrations.list());
    try (TestDatabase empty = TestDatabase.createEmpty("migrations_fast_path")) {
      assertThat(Migrations.applied(empty.storage().dataSource())).isEmpty();
      assertThat(empty.storage().migrate()).isEqualTo(latest);
      assertThat(Migrations.applied(empty.storage().dataSource()).orElseThrow())
          .last()
          .extracting(Applied::version)
          .isEqualTo(latest);
      assertThat(empty.storage().migrate()).isEqualTo(latest);
    }
  }

  @Test
  void a_migration_edited_after_it_was_applied_is_refused_in_one_line() {
    try (TestDatabase db = TestDatabase.create("migrations_edited")) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'"));

      assertThatThrownBy(() -> db.storage().migrate())
          .isInstanceOf(SchemaMismatch.class)
          .hasMessage(
              "the database's migrations do not match this build's"
                  + " (V3__feed_checkpoints.sql was edited after it was applied);"
                  + " refusing to run against it");
    }
  }

  @Test
  void a_migration_applied_by_another_build_is_refused() {
    try (TestDatabase db = TestDatabase.create("migrations_unknown")) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      """
                      INSERT INTO flyway_schema_history
                        (installed_rank, version, description, type, script, checksum,
                         installed_by, execution_time, success)
                      SELECT max(installed_rank) + 1, '99', 'from a newer build', 'SQL',
                             'V99__from_a_newer_build.sql', 42, current_user, 1, true
                      FROM flyway_schema_history
                      """));

      assertThatThrownBy(() -> db.storage().migrate())
          .isInstanceOf(SchemaMismatch.class)
          .hasMessageContaining("V99 is applied but not in this build");
    }
  }

  @Test
  void a_migration_missing_from_the_history_below_newer_ones_is_refused() {
    try (TestDatabase db = TestDatabase.create("migrations_missing")) {
      db.jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '2'"));

      assertThatThrownBy(() -> db.storage().migrate())
          .isInstanceOf(SchemaMismatch.class)
          .hasMessageContaining(
              "V2__roles_and_row_security.sql was never applied but newer ones were");
    }
  }
}
