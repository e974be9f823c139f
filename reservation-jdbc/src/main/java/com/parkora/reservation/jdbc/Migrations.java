package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.jdbc.PackagedMigrations.Migration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * The Flyway migrations of {@code db/migration}, packaged in this jar; Flyway is the authority. A
 * database the Python service created (tables, no history) is baselined at version 0, so every
 * migration runs on it and adds only what is missing.
 */
final class Migrations {

  static final String LOCATION = "classpath:" + PackagedMigrations.DIRECTORY;

  private Migrations() {}

  /**
   * Brings the schema to the newest packaged migration. A database whose history holds exactly the
   * packaged migrations, checksums included, is recognised with one query, without loading Flyway
   * (half a second of a service's start); any other goes through Flyway, which applies what is
   * pending and refuses an edited, missing or unknown migration.
   *
   * @throws SchemaMismatch when Flyway refuses, with one line saying what differs
   */
  static String migrate(DataSource dataSource) {
    List<Migration> packaged = PackagedMigrations.list();
    Optional<List<Applied>> applied = applied(dataSource);
    if (applied.filter(history -> matches(history, packaged)).isPresent()) {
      return PackagedMigrations.latest(packaged);
    }
    try {
      return migrateWithFlyway(dataSource);
    } catch (FlywayValidateException refused) {
      throw SchemaMismatch.between(applied.orElse(List.of()), packaged, refused);
    }
  }

  /** A versioned migration in {@code flyway_schema_history}. */
  record Applied(String version, Integer checksum, boolean success) {}

  /** The applied migrations, oldest first (a baseline left out); empty without a history. */
  static Optional<List<Applied>> applied(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasHistory(connection)) {
        return Optional.empty();
      }
      try (PreparedStatement query =
              connection.prepareStatement(
                  """
                  SELECT version, checksum, success FROM flyway_schema_history
                  WHERE version IS NOT NULL AND type <> 'BASELINE'
                  ORDER BY installed_rank
                  """);
          ResultSet rows = query.executeQuery()) {
        List<Applied> applied = new ArrayList<>();
        while (rows.next()) {
          applied.add(
              new Applied(
                  rows.getString("version"),
                  (Integer) rows.getObject("checksum"),
                  rows.getBoolean("success")));
        }
        return Optional.of(applied);
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static boolean matches(List<Applied> applied, List<Migration> packaged) {
    if (applied.size() != packaged.size()) {
      return false;
    }
    for (int i = 0; i < packaged.size(); i++) {
      Migration expected = packaged.get(i);
      Applied actual = applied.get(i);
      if (!expected.version().equals(actual.version())
          || !actual.success()
          || actual.checksum() == null
          || expected.checksum() != actual.checksum()) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasHistory(Connection connection) throws SQLException {
    try (PreparedStatement exists =
            connection.prepareStatement("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
        ResultSet row = exists.executeQuery()) {
      return row.next() && row.getBoolean(1);
    }
  }

  static String migrateWithFlyway(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(LOCATION)
            .baselineOnMigrate(true)
            .baselineVersion(MigrationVersion.fromVersion("0"))
            // nothing ignored: a migration applied by a newer build is refused too
            .ignoreMigrationPatterns(new ValidatePattern[0])
            .load();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayException e) {
      if (SqlFailures.isUnavailable(e)) {
        throw new ReservationException.DependencyUnavailable("The database is unavailable", e);
      }
      throw e;
    }
    if (result.targetSchemaVersion != null) {
      return result.targetSchemaVersion;
    }
    return flyway.info().current().getVersion().getVersion();
  }
}
