package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.RebuildEqualsLiveContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rebuilt equals live, on the PostgreSQL store. */
class PostgresRebuildEqualsLiveTest extends RebuildEqualsLiveContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("rebuild_equals_live");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
