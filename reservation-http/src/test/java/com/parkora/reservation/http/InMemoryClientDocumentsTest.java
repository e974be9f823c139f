package com.parkora.reservation.http;

/** The client documents against the in-memory store. */
class InMemoryClientDocumentsTest extends ClientDocumentsContract {

  @Override
  protected RunningApi startApi() {
    return RunningApi.inMemory();
  }
}
