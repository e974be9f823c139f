package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway migrations of {@code db/migration}, packaged in this jar. A database the Python
 * service created (tables, no history) is baselined at version 0, so every migration runs on it and
 * adds only what is missing.
 */
final class Migrations {

  static final String LOCATION = "classpath:db/migration";

  /** The newest migration in db/migration ({@code MigrationsTest} holds the two together). */
  static final String LATEST = "5";

  private Migrations() {}

  /**
   * Brings the schema to {@link #LATEST}. A database already there is recognised with one query,
   * without loading Flyway (half a second of a service's start); any other goes through Flyway.
   */
  static String migrate(DataSource dataSource) {
    if (appliedVersion(dataSource).filter(LATEST::equals).isPresent()) {
      return LATEST;
    }
    return migrateWithFlyway(dataSource);
  }

  /** The newest successfully applied version in Flyway's history; empty without a history. */
  static java.util.Optional<String> appliedVersion(DataSource dataSource) {
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      if (!hasHistory(connection)) {
        return java.util.Optional.empty();
      }
      try (java.sql.ResultSet rows =
          statement.executeQuery(
              "SELECT version FROM"
                  + " flyway_schema_history WHERE success AND version IS NOT NULL"
                  + " ORDER BY installed_rank DESC LIMIT 1")) {
        return rows.next()
            ? java.util.Optional.ofNullable(rows.getString(1))
            : java.util.Optional.empty();
      }
    } catch (java.sql.SQLException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean hasHistory(java.sql.Connection connection) throws java.sql.SQLException {
    try (java.sql.PreparedStatement exists =
            connection.prepareStatement("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
        java.sql.ResultSet row = exists.executeQuery()) {
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
