package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.HostileInputContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile input on PostgreSQL, reopened with a new pool on the same database. */
class PostgresHostileInputTest extends HostileInputContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("hostile_input");

  @Override
  protected Storage openStorage() {
    return db.newStorage(2);
  }
}
