package com.parkora.reservation.http;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client documents against PostgreSQL (a fresh database for this class). */
class PostgresClientDocumentsTest extends ClientDocumentsContract {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("http_documents");

  @Override
  protected RunningApi startApi() {
    return RunningApi.start(RunningApi.service(db.storage()), HttpSettings.defaults());
  }
}
