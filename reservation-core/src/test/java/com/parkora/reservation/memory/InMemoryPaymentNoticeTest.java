package com.parkora.reservation.memory;

import com.parkora.reservation.contract.PaymentNoticeContract;
import com.parkora.reservation.port.Storage;

/** The payment notice contract on the in-memory store. */
class InMemoryPaymentNoticeTest extends PaymentNoticeContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
