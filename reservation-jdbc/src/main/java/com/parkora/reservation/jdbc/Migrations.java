package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.ReservationException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway migrations of {@code db/migration}, packaged in this jar. A database the Python service
 * created (tables, no history) is baselined at version 0, so every migration runs on it and adds
 * only what is missing.
 */
final class Migrations {

  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  static String migrate(DataSource dataSource) {
    Flyway flyway = Flyway.configure()
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
