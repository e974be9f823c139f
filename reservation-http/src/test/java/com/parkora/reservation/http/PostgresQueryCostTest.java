package com.parkora.reservation.http;

import com.parkora.reservation.jdbc.testing.TestDatabase;

/** The query cost caps on PostgreSQL, where the uncapped document broke a pooled connection. */
class PostgresQueryCostTest extends QueryCostContract {

  private TestDatabase db;

  @Override
  protected RunningApi startApi() {
    db = TestDatabase.create("http_query_cost");
    return RunningApi.start(RunningApi.service(db.storage()), HttpSettings.defaults());
  }

  @Override
  protected void closeStore() {
    db.close();
  }
}
