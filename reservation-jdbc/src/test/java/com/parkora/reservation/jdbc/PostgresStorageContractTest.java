package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.StorageContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract, held by the PostgreSQL store. */
class PostgresStorageContractTest extends StorageContract {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("storage_contract");
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
