package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.EventMetadataContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event metadata on PostgreSQL ({@code event_metadata jsonb}), read back with a new pool. */
class PostgresEventMetadataTest extends EventMetadataContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("event_metadata");

  @Override
  protected Storage openStorage() {
    return db.newStorage(2);
  }
}
