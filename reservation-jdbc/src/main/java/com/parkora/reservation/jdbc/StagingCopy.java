package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import org.postgresql.PGConnection;

/**
 * Writes rows into a rebuild's staging table with {@code COPY ... FROM STDIN} (CSV): one stream per
 * batch instead of an insert whose every column travels as a text array to unnest. Every value that
 * is not null is quoted, so a spot or transaction id may hold any character; an unquoted empty
 * field is null.
 */
final class StagingCopy {

  private final String copy;

  StagingCopy(String table) {
    this.copy =
        "COPY " + table + " (" + Rows.RESERVATION_COLUMNS + ") FROM STDIN WITH (FORMAT csv)";
  }

  /** Answers the number of rows PostgreSQL took. */
  long write(Connection connection, TenantId tenant, Collection<ReservationView> rows)
      throws SQLException {
    StringBuilder csv = new StringBuilder(rows.size() * 256);
    String tenantText = tenant.toString();
    for (ReservationView r : rows) {
      field(csv, r.id().toString()).append(',');
      field(csv, tenantText).append(',');
      field(csv, r.userId().toString()).append(',');
      field(csv, r.parkingSpotId()).append(',');
      field(csv, instant(r.startTime())).append(',');
      field(csv, instant(r.endTime())).append(',');
      field(csv, Integer.toString(r.durationHours())).append(',');
      field(csv, r.totalCost().toPlainString()).append(',');
      field(csv, r.status().name()).append(',');
      field(csv, r.transactionId()).append(',');
      field(csv, instant(r.createdAt())).append(',');
      field(csv, instant(r.updatedAt())).append('\n');
    }
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copy, new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into the staging table failed", e);
    }
  }

  private static String instant(Instant value) {
    return value == null ? null : value.toString();
  }

  /** A CSV field: null as nothing, anything else quoted with inner quotes doubled. */
  static StringBuilder field(StringBuilder csv, String value) {
    if (value == null) {
      return csv;
    }
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    return csv.append('"');
  }
}
