package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.RebuildEqualsLiveContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Rebuilt equals live, on the PostgreSQL store. */
class PostgresRebuildEqualsLiveTest extends RebuildEqualsLiveContract {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("rebuild_equals_live");
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
