package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.HostileInputContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Hostile input on PostgreSQL, reopened with a new pool on the same database. */
class PostgresHostileInputTest extends HostileInputContract {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("hostile_input");
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
