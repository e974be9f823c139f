package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.RefundRefusalContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The refund refusal contract on PostgreSQL: {@code pending_refunds} keeps what waits. */
class PostgresRefundRefusalTest extends RefundRefusalContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("refund_refusals");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
