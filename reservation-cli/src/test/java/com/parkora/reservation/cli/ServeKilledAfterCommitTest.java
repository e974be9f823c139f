package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code serve} process dies the hard way (the JVM halts, as with {@code kill -9}) right after a
 * keyed {@code createReservation} committed its event and answer, before the answer was sent. The
 * retry after a restart gets the stored answer, and no second reservation exists. The halt is the
 * test seam {@code -Dreservation.test.halt-after-commit=true}, which only tests set.
 */
class ServeKilledAfterCommitTest {

  private static final String HALT = "-Dreservation.test.halt-after-commit=true";
  private static final String KEY = "phone-retry-1";

  @TempDir Path work;

  @RegisterExtension final TestDatabase db = TestDatabase.perTestEmpty("cli_killed");

  @Test
  void the_embedded_store_replays_the_committed_answer_after_a_kill() throws Exception {
    killThenRetry(Map.of("DATA_DIR", work.resolve("data").toString()));
  }

  @Test
  void postgresql_replays_the_committed_answer_after_a_kill() throws Exception {
    killThenRetry(Map.of("DATABASE_URL", db.connectionString()));
  }

  private void killThenRetry(Map<String, String> env) throws Exception {
    try (ServedService dying = ServedService.start(work, env, List.of(HALT))) {
      assertThatThrownBy(() -> create(dying))
          .as("the answer never leaves the process")
          .isInstanceOf(IOException.class);
      assertThat(dying.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(dying.process().exitValue()).isEqualTo(137);
    }

    try (ServedService restarted = ServedService.start(work, env)) {
      HttpResponse<String> retry = create(restarted);

      assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
      assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      JsonNode created = Json.read(retry.body()).path("data").path("createReservation");
      assertThat(created.path("status").asText()).isEqualTo("PENDING");
      JsonNode stats =
          Json.read(
              restarted.graphQl(
                  ServeEmbeddedTest.TENANT, "{ reservationStats { totalReservations } }"));
      assertThat(stats.path("data").path("reservationStats").path("totalReservations").asInt())
          .as("one reservation, from the first request")
          .isEqualTo(1);
      JsonNode events =
          Json.read(
              restarted.graphQl(
                  ServeEmbeddedTest.TENANT,
                  "{ eventsByReservation(reservationId: \""
                      + created.path("id").asText()
                      + "\") { eventType } }"));
      assertThat(events.path("data").path("eventsByReservation")).hasSize(1);
    }
  }

  private static HttpResponse<String> create(ServedService served)
      throws IOException, InterruptedException {
    String body = "{\"query\":" + Json.quote(ServeEmbeddedTest.CREATE) + "}";
    return served.send(
        served
            .graphQlRequest(ServeEmbeddedTest.TENANT, body)
            .header("Idempotency-Key", KEY)
            .build());
  }
}
