package com.parkora.reservation.memory;

import com.parkora.reservation.contract.PaymentNoticeContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payment notice contract on the embedded store that {@code serve} runs without a database. */
class JournaledPaymentNoticeTest extends PaymentNoticeContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage newStorage() {
    return journaled.open();
  }
}
