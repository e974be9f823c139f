package com.parkora.reservation.memory;

import com.parkora.reservation.contract.RefundRefusalContract;
import com.parkora.reservation.port.Storage;

/** The refund refusal contract on the in-memory store. */
class InMemoryRefundRefusalTest extends RefundRefusalContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
