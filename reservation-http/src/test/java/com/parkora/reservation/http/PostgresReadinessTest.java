package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.PostgresStorage;
import com.parkora.reservation.testing.Polling;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/ready} follows PostgreSQL: 503 while it cannot be reached, 200 again once it can,
 * with no restart. The outage is played by a loopback proxy between the storage and the server; the
 * real server keeps running.
 */
class PostgresReadinessTest extends PostgresBehindProxy {

  PostgresReadinessTest() {
    super("http_readiness");
  }

  @Override
  PostgresStorage connect(String proxiedJdbcUrl) {
    return PostgresStorage.connect(withTestUser(proxiedJdbcUrl), 2);
  }

  @Test
  void readiness_is_503_while_postgres_is_unreachable_and_200_once_it_is_back_without_restart() {
    assertThat(readyStatus()).isEqualTo(200);
    assertThat(api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT)).status()).isEqualTo(200);

    proxy.cut();
    assertThat(awaitReady(status -> status == 503)).isEqualTo(503);
    RunningApi.Answer down = api.get("/health/ready", Map.of());
    assertThat(down.json().path("status").asText()).isEqualTo("unhealthy");
    assertThat(api.get("/health/live", Map.of()).status())
        .as("liveness is not readiness")
        .isEqualTo(200);
    RunningApi.Answer stats = api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT));
    assertThat(stats.status()).as(stats.body()).isGreaterThanOrEqualTo(500);
    BadRequestsTest.assertLeaksNothing(stats.body());

    proxy.restore();
    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
    assertThat(api.get("/health/ready", Map.of()).json().path("status").asText())
        .isEqualTo("ready");
    assertThat(api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT)).status()).isEqualTo(200);
  }

  @Test
  void readiness_answers_503_promptly_while_postgres_is_cut_or_hangs() {
    assertThat(readyStatus()).isEqualTo(200);

    assertPromptly503Until200AfterRestore(proxy::cut);
    assertPromptly503Until200AfterRestore(proxy::stall);
  }

  /** While {@code fault} holds, readiness answers 503 promptly, and 200 once it is restored. */
  private void assertPromptly503Until200AfterRestore(Runnable fault) {
    fault.run();
    assertThat(promptlyAwaitReady(503)).isEqualTo(503);
    for (int i = 0; i < 3; i++) {
      assertThat(readyWithin(PROMPT)).isEqualTo(503);
    }
    proxy.restore();
    assertThat(awaitReady(status -> status == 200)).isEqualTo(200);
  }

  /**
   * A Kubernetes probe gives up after 1 s; the pool waits 5 s for a connection. Answering within 4
   * s tells the two apart with room for a busy machine.
   */
  private static final Duration PROMPT = Duration.ofSeconds(4);

  /** Polls readiness (a reused answer may lag a second) with every answer due within PROMPT. */
  private int promptlyAwaitReady(int expected) {
    return Polling.await("/health/ready to answer " + expected + " promptly")
        .pollInterval(Duration.ofMillis(200))
        .until(() -> readyWithin(PROMPT), status -> status == expected);
  }

  private int readyWithin(Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(api.uri("/health/ready")).timeout(timeout).GET().build();
    return api.send(request).status();
  }

  /** Polls readiness until it answers as expected; answers that status. */
  private int awaitReady(IntPredicate expected) {
    return Polling.await("/health/ready to answer as expected")
        .pollInterval(Duration.ofMillis(200))
        .until(this::readyStatus, expected::test);
  }

  private int readyStatus() {
    return api.get("/health/ready", Map.of()).status();
  }
}
