package com.parkora.reservation.memory;

import com.parkora.reservation.contract.RebuildEqualsLiveContract;
import com.parkora.reservation.port.Storage;

class InMemoryRebuildEqualsLiveTest extends RebuildEqualsLiveContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
