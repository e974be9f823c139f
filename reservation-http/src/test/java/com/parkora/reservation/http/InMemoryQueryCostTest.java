package com.parkora.reservation.http;

import com.parkora.reservation.memory.InMemoryStorage;

/** The query cost caps on the in-memory store. */
class InMemoryQueryCostTest extends QueryCostContract {

  @Override
  protected RunningApi startApi() {
    return RunningApi.start(RunningApi.service(new InMemoryStorage()), HttpSettings.defaults());
  }
}
