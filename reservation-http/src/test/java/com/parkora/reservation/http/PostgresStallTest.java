package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.jdbc.PostgresStorage;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A database that goes silent (packets stop, no connection is refused: a partition, a frozen host)
 * is played by a loopback proxy that stops forwarding bytes both ways without closing a socket. The
 * pool's connections all run through it. Every request then answers DEPENDENCY_UNAVAILABLE before
 * its client's own timeout of {@code DATABASE_TIMEOUT} plus a margin (a correctness bound: without
 * one, requests hang as long as the stall lasts), readiness is 503, and once the proxy forwards
 * again everything works on fresh connections: the stalled ones were evicted, not reused.
 */
class PostgresStallTest extends PostgresBehindProxy {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /**
   * The clients' own timeout while the database is silent: beyond it a request counts as hanging.
   * The stall lasts longer than this, so a request that waits for the stall to end is caught.
   */
  private static final Duration CLIENT_TIMEOUT = TIMEOUT.plusSeconds(5);

  /** The clients' timeout otherwise: a first request warms a cold JVM on a busy machine. */
  private static final Duration PATIENT = Duration.ofSeconds(60);

  private static final int POOL = 4;

  /** Tells the pool's connections from the test database's own on the server. */
  private static final String APPLICATION = "stalled-pool";

  private volatile Duration clientTimeout = PATIENT;

  PostgresStallTest() {
    super("http_stall");
  }

  @Override
  PostgresStorage connect(String proxiedJdbcUrl) {
    return PostgresStorage.connect(
        withTestUser(proxiedJdbcUrl + "?ApplicationName=" + APPLICATION), POOL, TIMEOUT);
  }

  @Test
  void a_silent_database_gets_coded_answers_in_bounded_time_and_fresh_connections_after() {
    String booked = create("A-1");
    fillThePool();
    Set<Integer> stalledBackends = poolBackends();
    assertThat(stalledBackends).hasSize(POOL);

    // the stall lands while requests are in flight: some hold connections mid-transaction
    Load load = Load.start(this, booked);
    sleepUntil(Instant.now().plusMillis(300));
    clientTimeout = CLIENT_TIMEOUT;
    proxy.stall();
    Instant stalled = Instant.now();
    sleepUntil(stalled.plusSeconds(1));
    assertThat(readiness(Duration.ofSeconds(1)))
        .as("a second after the stall, readiness answers not ready within a second")
        .isEqualTo(503);
    sleepUntil(stalled.plus(TIMEOUT.multipliedBy(2)));
    for (Load.Sent sent : load.stop()) {
      assertThat(sent.answered().code())
          .as(sent.toString())
          .isEqualTo(
              sent.started().isAfter(stalled) ? "DEPENDENCY_UNAVAILABLE" : sent.answered().code())
          .isIn("OK", "DEPENDENCY_UNAVAILABLE");
    }
    for (int wave = 0; wave < 2; wave++) {
      for (Answered answered : concurrently(requestsOf(booked, "B-" + wave))) {
        assertThat(answered.code()).as(answered.toString()).isEqualTo("DEPENDENCY_UNAVAILABLE");
      }
    }

    proxy.restore();
    clientTimeout = PATIENT;
    awaitReady();
    for (Answered answered : concurrently(requestsOf(booked, "C-1"))) {
      assertThat(answered.code()).as(answered.toString()).isEqualTo("OK");
    }
    assertThat(awaitPoolWithout(stalledBackends))
        .as("the pool holds no connection that was stalled")
        .doesNotContainAnyElementsOf(stalledBackends);
    assertNothingHalfWritten();
  }

  /** One request of each kind: a write, the two client reads, a REST read. */
  private List<Supplier<Answered>> requestsOf(String booked, String spot) {
    return List.of(
        () -> graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf(spot)),
        () -> graphQl(ClientDocuments.GET_RESERVATION, Map.of("id", booked)),
        () ->
            graphQl(
                ClientDocuments.GET_USER_RESERVATIONS,
                Map.of("userId", "22222222-2222-4222-8222-222222222222", "includeCompleted", true)),
        this::stats,
        () -> graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf(spot + "x")),
        this::stats);
  }

  private record Answered(int status, String code, String body) {}

  /** Clients sending one request after another, each on its own, until stopped. */
  private record Load(
      ExecutorService threads,
      java.util.concurrent.atomic.AtomicBoolean running,
      List<Future<List<Sent>>> clients) {

    record Sent(Instant started, Answered answered) {}

    static Load start(PostgresStallTest test, String booked) {
      ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
      var running = new java.util.concurrent.atomic.AtomicBoolean(true);
      List<Future<List<Sent>>> clients = new ArrayList<>();
      for (int client = 0; client < POOL + 2; client++) {
        String spots = "L" + client + "-";
        clients.add(
            threads.submit(
                () -> {
                  List<Sent> sent = new ArrayList<>();
                  for (int i = 0; running.get(); i++) {
                    var kinds = test.requestsOf(booked, spots + i);
                    Instant started = Instant.now();
                    sent.add(new Sent(started, kinds.get(i % kinds.size()).get()));
                  }
                  return sent;
                }));
      }
      return new Load(threads, running, clients);
    }

    /** Every request sent, once each client's last one answered. */
    List<Sent> stop() {
      running.set(false);
      List<Sent> all = new ArrayList<>();
      try (threads) {
        for (Future<List<Sent>> client : clients) {
          all.addAll(client.get()); // an HttpTimeoutException here: a request hung
        }
      } catch (Exception e) {
        throw new AssertionError("a request did not answer within " + CLIENT_TIMEOUT, e);
      }
      return all;
    }
  }

  private Answered graphQl(String document, Map<String, Object> variables) {
    RunningApi.Answer answer =
        api.send(
            request("/graphql")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(document, variables)))
                .build());
    JsonNode errors = answer.json().path("errors");
    String code = errors.isEmpty() ? "OK" : errors.get(0).path("extensions").path("code").asText();
    return new Answered(answer.status(), code, answer.body());
  }

  private Answered stats() {
    RunningApi.Answer answer = api.send(request("/stats").GET().build());
    String code = answer.status() == 200 ? "OK" : answer.json().path("error").asText();
    return new Answered(answer.status(), code, answer.body());
  }

  /** A request for the tenant that the client gives up on after {@link #clientTimeout}. */
  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.uri(path))
        .timeout(clientTimeout)
        .header("X-Tenant-ID", RunningApi.TENANT);
  }

  private static List<Answered> concurrently(List<Supplier<Answered>> requests) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Answered>> futures = new ArrayList<>();
      requests.forEach(request -> futures.add(threads.submit(request::get)));
      List<Answered> answers = new ArrayList<>();
      for (Future<Answered> future : futures) {
        answers.add(future.get()); // an HttpTimeoutException here: a request hung
      }
      return answers;
    } catch (Exception e) {
      throw new AssertionError("a request did not answer within " + CLIENT_TIMEOUT, e);
    }
  }

  private String create(String spot) {
    Answered created = graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf(spot));
    assertThat(created.code()).as(created.body()).isEqualTo("OK");
    return readTree(created.body()).path("data").path("createReservation").path("id").asText();
  }

  /** Opens every connection of the pool by holding them all at once. */
  private void fillThePool() {
    HikariDataSource pool = (HikariDataSource) storage.dataSource();
    List<java.sql.Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < POOL; i++) {
        held.add(pool.getConnection());
      }
      for (java.sql.Connection connection : held) {
        connection.close();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(POOL);
  }

  /** The server processes of the pool's connections, seen directly (not through the proxy). */
  private Set<Integer> poolBackends() {
    return Set.copyOf(
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT pid FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND application_name = :app")
                        .bind("app", APPLICATION)
                        .mapTo(Integer.class)
                        .list()));
  }

  /** The pool's backends once none of {@code old} is among them, or after 30 s the last seen. */
  private Set<Integer> awaitPoolWithout(Set<Integer> old) {
    Instant deadline = Instant.now().plusSeconds(30);
    Set<Integer> now = poolBackends();
    while (now.stream().anyMatch(old::contains) && Instant.now().isBefore(deadline)) {
      sleepUntil(Instant.now().plusMillis(200));
      now = poolBackends();
    }
    return now;
  }

  /** Every reservation stored has its read-model row, and no row lacks its events. */
  private void assertNothingHalfWritten() {
    Map<String, Object> counts =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT (SELECT count(DISTINCT aggregate_id) FROM event_store) AS streams,"
                                + " (SELECT count(*) FROM reservations) AS rows")
                        .mapToMap()
                        .one());
    assertThat(counts.get("streams")).as(counts.toString()).isEqualTo(counts.get("rows"));
  }

  private int readiness(Duration clientTimeout) {
    return api.send(HttpRequest.newBuilder(api.uri("/health/ready")).timeout(clientTimeout).build())
        .status();
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plusSeconds(30);
    while (readiness(PATIENT) != 200 && Instant.now().isBefore(deadline)) {
      sleepUntil(Instant.now().plusMillis(200));
    }
    assertThat(readiness(PATIENT)).isEqualTo(200);
  }

  private static String json(String document, Map<String, Object> variables) {
    try {
      return RunningApi.JSON.writeValueAsString(Map.of("query", document, "variables", variables));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readTree(String body) {
    try {
      return RunningApi.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleepUntil(Instant when) {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
