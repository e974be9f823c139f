package com.parkora.reservation.jdbc;

import com.parkora.reservation.contract.PaymentNoticeContract;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payment notice contract on PostgreSQL: the cross-tenant look-ups run as the system role. */
class PostgresPaymentNoticeTest extends PaymentNoticeContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("payment_notices");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }
}
