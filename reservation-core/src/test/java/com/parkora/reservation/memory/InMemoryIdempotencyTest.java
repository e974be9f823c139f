package com.parkora.reservation.memory;

import com.parkora.reservation.contract.IdempotencyContract;
import com.parkora.reservation.port.Storage;

class InMemoryIdempotencyTest extends IdempotencyContract {

  @Override
  protected Storage newStorage() {
    return new InMemoryStorage();
  }
}
