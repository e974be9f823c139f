package com.parkora.reservation.memory;

import com.parkora.reservation.contract.PendingHoldContract;
import com.parkora.reservation.port.Storage;

/** The pending hold contract on the in-memory store. */
class InMemoryPendingHoldTest extends PendingHoldContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
