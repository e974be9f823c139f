package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.testing.Polling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ServePostgresTest {

  @TempDir Path work;

  @RegisterExtension final TestDatabase db = TestDatabase.perTestEmpty("cli_serve");

  @Test
  void with_a_database_url_serve_migrates_then_serves() throws Exception {
    try (ServedService served =
        ServedService.start(work, Map.of("DATABASE_URL", db.connectionString()))) {
      JsonNode created =
          Json.read(served.graphQl(ServeEmbeddedTest.TENANT, ServeEmbeddedTest.CREATE))
              .path("data")
              .path("createReservation");
      assertThat(created.path("status").asText()).isEqualTo("PENDING");
      assertThat(served.log()).contains("data: PostgreSQL").contains("(schema version ");
      assertThat(served.log()).doesNotContain("password=" + "postgres");
      assertThat(served.terminate()).isZero();
    }
    Long stored =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT count(*) FROM event_store").mapTo(Long.class).one());
    assertThat(stored).isEqualTo(1);
  }

  /**
   * A command held up by a table lock is in flight when SIGTERM comes: the server waits for it,
   * answers it, and exits 0.
   */
  @Test
  void sigterm_lets_requests_in_flight_complete_and_exits_zero() throws Exception {
    try (ServedService served =
            ServedService.start(work, Map.of("DATABASE_URL", db.connectionString()));
        Connection blocker = connect()) {
      blocker.setAutoCommit(false);
      try (Statement statement = blocker.createStatement()) {
        statement.execute("LOCK TABLE event_store IN ACCESS EXCLUSIVE MODE");
      }
      CompletableFuture<HttpResponse<String>> inFlight = postAsync(served.port());
      awaitBlockedOnTheLock(blocker);
      assertThat(inFlight).isNotDone();

      served.process().destroy();
      awaitLog(served, "stopping: no new requests");
      assertThat(served.process().isAlive()).as("waiting for the request in flight").isTrue();
      assertThat(inFlight).isNotDone();

      blocker.commit();
      HttpResponse<String> response = inFlight.get();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"PENDING\"");
      assertThat(served.terminate()).isZero();
      assertThat(served.log()).contains("stopping: no new requests").contains("stopped");
    }
  }

  /** Until a session other than {@code blocker} waits for a lock on this database. */
  private static void awaitBlockedOnTheLock(Connection blocker) throws Exception {
    try (PreparedStatement waiting =
        blocker.prepareStatement(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND pid <> pg_backend_pid()
            """)) {
      Polling.await("a command waits for the locked table")
          .until(
              () -> {
                try (ResultSet count = waiting.executeQuery()) {
                  return count.next() && count.getLong(1) > 0;
                }
              });
    }
  }

  private static void awaitLog(ServedService served, String line) throws Exception {
    Polling.await("serve logs '" + line + "'").until(() -> served.log().contains(line));
  }

  private CompletableFuture<HttpResponse<String>> postAsync(int port) {
    String body = "{\"query\":" + Json.quote(ServeEmbeddedTest.CREATE) + "}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("X-Tenant-ID", ServeEmbeddedTest.TENANT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private Connection connect() throws Exception {
    Properties credentials = new Properties();
    if (db.url().user() != null) {
      credentials.setProperty("user", db.url().user());
    }
    if (db.url().password() != null) {
      credentials.setProperty("password", db.url().password());
    }
    return DriverManager.getConnection(db.jdbcUrl(), credentials);
  }
}
