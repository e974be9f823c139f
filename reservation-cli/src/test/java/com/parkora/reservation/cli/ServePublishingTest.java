package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.parkora.reservation.clients.rabbit.testing.RabbitBroker;
import com.parkora.reservation.clients.rabbit.testing.TestQueue;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.testing.Polling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} processes publishing to the contract's {@code reservations} exchange: on the
 * embedded store across a restart, and as two instances on one database, one of them killed. Each
 * test books for a tenant of its own and reads only that tenant's messages.
 */
class ServePublishingTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern LEASE_HELD =
      Pattern.compile("(?m)^reservation_relay_lease_held(?:\\{[^}]*})? ([0-9.]+)");

  @TempDir Path work;

  private final String tenant = UUID.randomUUID().toString();
  private final List<ServedService> served = new ArrayList<>();
  @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();
  private TestQueue queue;

  @BeforeEach
  void bindQueue() {
    queue = broker.bind(RabbitSettings.RESERVATIONS_EXCHANGE, "#");
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ServedService s : served) {
      s.close();
    }
  }

  @Test
  void the_embedded_serve_publishes_and_a_restart_resumes_from_the_checkpoint_file()
      throws Exception {
    Map<String, String> env = rabbitEnv();
    env.put("DATA_DIR", work.resolve("data").toString());
    ServedService first = start(env);
    for (int i = 0; i < 3; i++) {
      book(first);
    }
    queue.awaitUntil(m -> ids(m).size() == 3, PATIENCE);
    assertThat(first.terminate()).isZero();
    assertThat(Files.readString(work.resolve("data").resolve("rabbitmq.checkpoint")).trim())
        .isEqualTo("3");

    ServedService second = start(env);
    book(second);
    List<TestQueue.Message> messages = queue.awaitUntil(m -> ids(m).size() == 4, PATIENCE);
    assertThat(ofTenant(messages)).as("nothing published twice after the restart").hasSize(4);
    assertThat(second.terminate()).isZero();
  }

  @Test
  void when_the_active_instance_is_killed_the_other_takes_over_and_no_event_is_missing()
      throws Exception {
    try (TestDatabase db = TestDatabase.create("cli_relay_instances")) {
      Map<String, String> env = rabbitEnv();
      env.put("DATABASE_URL", db.connectionString());
      ServedService one = start(env);
      ServedService two = start(env);
      awaitOneActive(List.of(one, two));
      ServedService active = leaseHeld(one) ? one : two;
      ServedService standby = active == one ? two : one;

      Set<String> booked = java.util.concurrent.ConcurrentHashMap.newKeySet();
      AtomicBoolean loading = new AtomicBoolean(true);
      try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
        Future<?> load = pool.submit(() -> bookUntilStopped(standby, booked, loading));
        try {
          queue.awaitUntil(m -> ids(m).size() >= 10, PATIENCE);

          active.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          Instant killed = Instant.now();
          awaitLeaseHeld(standby, Duration.ofSeconds(10));
          int bookedAtTakeover = booked.size();
          queue.awaitUntil(m -> ids(m).size() >= bookedAtTakeover + 10, PATIENCE);
          System.out.println(
              "relay takeover after kill -9: " + Duration.between(killed, Instant.now()));
        } finally {
          loading.set(false); // also when a wait above failed: the pool's close waits for the load
        }
        load.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      Set<String> stored = storedEventIds(db);
      assertThat(stored).hasSizeGreaterThanOrEqualTo(booked.size());
      queue.awaitUntil(m -> ids(m).containsAll(stored), PATIENCE);

      ServedService restarted = start(env);
      Instant until = Instant.now().plus(Duration.ofSeconds(8));
      while (Instant.now().isBefore(until)) {
        int active1 = leaseHeld(standby) ? 1 : 0;
        int active2 = leaseHeld(restarted) ? 1 : 0;
        assertThat(active1 + active2).as("instances publishing at once").isLessThanOrEqualTo(1);
        Thread.sleep(200);
      }
      assertThat(leaseHeld(standby)).as("the instance that took over keeps the lease").isTrue();
    }
  }

  private Map<String, String> rabbitEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("RABBITMQ_HOST", RabbitBroker.HOST);
    env.put("RABBITMQ_PORT", Integer.toString(RabbitBroker.PORT));
    env.put("RABBITMQ_USER", "guest");
    env.put("RABBITMQ_PASSWORD", "guest");
    return env;
  }

  private ServedService start(Map<String, String> env) throws Exception {
    ServedService started = ServedService.start(work, env);
    served.add(started);
    return started;
  }

  private String book(ServedService service) throws Exception {
    String document =
        "mutation { createReservation(input: {userId: \""
            + UUID.randomUUID()
            + "\", parkingSpotId: \"P-"
            + UUID.randomUUID()
            + "\", startTime: \"2031-05-01T09:00:00Z\", durationHours: 2, totalCost: 12.5})"
            + " { id } }";
    String body = service.graphQl(tenant, document);
    String id = Json.read(body).path("data").path("createReservation").path("id").asText();
    assertThat(id).as("created: %s", body).isNotBlank();
    return id;
  }

  private Void bookUntilStopped(ServedService service, Set<String> booked, AtomicBoolean loading)
      throws Exception {
    while (loading.get()) {
      booked.add(book(service));
    }
    return null;
  }

  private Set<String> storedEventIds(TestDatabase db) {
    return new HashSet<>(
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id::text FROM event_store WHERE tenant_id = :tenant")
                        .bind("tenant", UUID.fromString(tenant))
                        .mapTo(String.class)
                        .list()));
  }

  private List<TestQueue.Message> ofTenant(List<TestQueue.Message> messages) {
    return messages.stream()
        .filter(m -> tenant.equals(String.valueOf(m.properties().getHeaders().get("tenant_id"))))
        .toList();
  }

  private Set<String> ids(List<TestQueue.Message> messages) {
    Set<String> ids = new HashSet<>();
    ofTenant(messages).forEach(m -> ids.add(m.properties().getMessageId()));
    return ids;
  }

  private static boolean leaseHeld(ServedService service) throws Exception {
    Matcher m = LEASE_HELD.matcher(service.get("/metrics").body());
    return m.find() && Double.parseDouble(m.group(1)) == 1.0;
  }

  private static void awaitOneActive(List<ServedService> instances) {
    Polling.await("one instance to take the relay's lease")
        .atMost(PATIENCE)
        .until(
            () -> {
              int active = 0;
              for (ServedService s : instances) {
                active += leaseHeld(s) ? 1 : 0;
              }
              assertThat(active).as("instances publishing at once").isLessThanOrEqualTo(1);
              return active == 1;
            });
  }

  private static void awaitLeaseHeld(ServedService service, Duration within) {
    Polling.await("the standby to take over").atMost(within).until(() -> leaseHeld(service));
  }
}
