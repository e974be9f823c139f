package com.parkora.reservation.http;

import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.Storage;

/** {@code Idempotency-Key} on the in-memory store. */
class InMemoryIdempotencyTest extends IdempotencyContract {

  @Override
  protected Storage storage() {
    return new InMemoryStorage();
  }
}
