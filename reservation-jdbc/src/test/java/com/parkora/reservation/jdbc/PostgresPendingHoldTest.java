package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.PendingHoldContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pending hold contract on PostgreSQL: the sweep's query finds what the rule expires. */
class PostgresPendingHoldTest extends PendingHoldContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("pending_hold");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
