package com.parkora.reservation.jdbc;

import com.parkora.reservation.jdbc.Migrations.Applied;
import com.parkora.reservation.jdbc.PackagedMigrations.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * The database's migration history disagrees with the migrations of this build, and Flyway refused
 * to go on. The message is one line naming each difference.
 */
public final class SchemaMismatch extends RuntimeException {

  private SchemaMismatch(String differences) {
    super(
        "the database's migrations do not match this build's ("
            + differences
            + "); refusing to run against it");
  }

  /** Names what differs between the history and the packaged migrations. */
  static SchemaMismatch between(
      List<Applied> applied, List<Migration> packaged, FlywayValidateException refusal) {
    List<String> differences = differences(applied, packaged);
    return new SchemaMismatch(
        differences.isEmpty()
            ? refusal.getMessage().replaceAll("\\s*\\R\\s*", " ").strip()
            : String.join("; ", differences));
  }

  private static List<String> differences(List<Applied> applied, List<Migration> packaged) {
    Map<String, Migration> byVersion =
        packaged.stream().collect(Collectors.toMap(Migration::version, Function.identity()));
    Map<String, Applied> appliedByVersion =
        applied.stream()
            .collect(Collectors.toMap(Applied::version, Function.identity(), (a, b) -> a));
    List<String> differences = new ArrayList<>();
    for (Applied done : applied) {
      Migration script = byVersion.get(done.version());
      if (script == null) {
        differences.add("V" + done.version() + " is applied but not in this build");
      } else if (!done.success()) {
        differences.add("V" + done.version() + " failed when it was applied");
      } else if (done.checksum() == null || done.checksum() != script.checksum()) {
        differences.add(script.script() + " was edited after it was applied");
      }
    }
    String newestApplied = applied.isEmpty() ? null : applied.getLast().version();
    for (Migration script : packaged) {
      if (!appliedByVersion.containsKey(script.version())
          && newestApplied != null
          && PackagedMigrations.compare(script.version(), newestApplied) < 0) {
        differences.add(script.script() + " was never applied but newer ones were");
      }
    }
    return differences;
  }
}
