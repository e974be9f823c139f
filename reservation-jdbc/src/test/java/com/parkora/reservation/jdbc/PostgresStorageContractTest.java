package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.StorageContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract, held by the PostgreSQL store. */
class PostgresStorageContractTest extends StorageContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("storage_contract");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
