package com.parkora.reservation.http;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client documents against PostgreSQL (a fresh database for this class). */
class PostgresClientDocumentsTest extends ClientDocumentsContract {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("http_documents");
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Override
  protected RunningApi startApi() {
    return RunningApi.start(RunningApi.service(db.storage()), HttpSettings.defaults());
  }
}
