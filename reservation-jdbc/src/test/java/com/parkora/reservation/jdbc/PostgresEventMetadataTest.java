package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.EventMetadataContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Event metadata on PostgreSQL ({@code event_metadata jsonb}), read back with a new pool. */
class PostgresEventMetadataTest extends EventMetadataContract {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("event_metadata");
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Override
  protected Storage newStorage() {
    return db.newStorage(2);
  }

  @Override
  protected Storage reopen(Storage old) {
    old.close();
    return db.newStorage(2);
  }
}
