package com.parkora.reservation.memory;

import com.parkora.reservation.contract.StorageContract;
import com.parkora.reservation.port.Storage;

class InMemoryStorageContractTest extends StorageContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
