package com.parkora.reservation.http;

import com.parkora.reservation.clients.testing.LoopbackProxy;
import com.parkora.reservation.jdbc.DatabaseUrl;
import com.parkora.reservation.jdbc.PostgresStorage;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that take PostgreSQL away from a running API: the API's storage reaches the
 * test database through a {@link LoopbackProxy}, which a test cuts or stalls and then restores. A
 * subclass names its database and opens the storage on the proxied URL.
 */
abstract class PostgresBehindProxy {

  @RegisterExtension final TestDatabase db;
  LoopbackProxy proxy;
  PostgresStorage storage;
  RunningApi api;

  PostgresBehindProxy(String database) {
    db = TestDatabase.perTest(database);
  }

  /** The API's storage on {@code proxiedJdbcUrl}, the test database through the proxy. */
  abstract PostgresStorage connect(String proxiedJdbcUrl);

  /** {@code jdbcUrl} with the test database's user and password. */
  DatabaseUrl withTestUser(String jdbcUrl) {
    return new DatabaseUrl(jdbcUrl, db.url().user(), db.url().password());
  }

  @BeforeEach
  void startBehindProxy() throws Exception {
    URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    proxy = new LoopbackProxy(server.getHost(), server.getPort());
    storage = connect("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath());
    api = RunningApi.start(RunningApi.service(storage), HttpSettings.defaults());
  }

  @AfterEach
  void stopBehindProxy() throws Exception {
    api.close();
    storage.close();
    proxy.close();
  }
}
