package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void the_latest_version_named_in_code_is_the_newest_migration_file() throws IOException {
    Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
    int newest;
    try (Stream<Path> files = Files.list(Path.of("..", "db", "migration"))) {
      newest =
          files
              .map(f -> versioned.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElse(0);
    }
    assertThat(Migrations.LATEST).isEqualTo(Integer.toString(newest));
  }

  @Test
  void a_database_at_the_latest_version_is_recognised_and_an_empty_one_is_migrated() {
    try (TestDatabase empty = TestDatabase.createEmpty("migrations_fast_path")) {
      assertThat(Migrations.appliedVersion(empty.storage().dataSource())).isEmpty();
      assertThat(empty.storage().migrate()).isEqualTo(Migrations.LATEST);
      assertThat(Migrations.appliedVersion(empty.storage().dataSource()))
          .contains(Migrations.LATEST);
      assertThat(empty.storage().migrate()).isEqualTo(Migrations.LATEST);
    }
  }
}
