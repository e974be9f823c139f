package com.parkora.reservation.http;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on PostgreSQL (a fresh database for each test). */
class PostgresIdempotencyTest extends IdempotencyContract {

  @RegisterExtension final TestDatabase db = TestDatabase.perTest("http_idempotency");

  @Override
  protected Storage storage() {
    return db.storage();
  }
}
