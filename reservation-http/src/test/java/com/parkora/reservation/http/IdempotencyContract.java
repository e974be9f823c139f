package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.payment.GrpcPaymentGateway;
import com.parkora.reservation.clients.payment.PaymentSettings;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} over HTTP, on each store. */
abstract class IdempotencyContract {

  static final String CREATE =
      "mutation Book($input: CreateReservationInput!) { createReservation(input: $input) "
          + "{ id userId parkingSpotId status totalCost createdAt } }";
  static final String CANCEL =
      "mutation($id: String!) { cancelReservation(id: $id, reason: \"plans changed\") "
          + "{ id status updatedAt } }";
  static final String PAY =
      "mutation($id: String!) { payReservation(id: $id) "
          + "{ success transactionId message errorCode } }";
  static final String OTHER_TENANT = "22222222-2222-4222-8222-222222222222";

  private final PaymentServer payments = new PaymentServer();
  private GrpcPaymentGateway gateway;
  protected RunningApi api;

  /** A fresh, empty store for one test. */
  protected abstract Storage storage();

  @BeforeEach
  void start() {
    payments.onCharge(payments::approve);
    gateway =
        new GrpcPaymentGateway(
            new PaymentSettings("127.0.0.1", payments.port(), Duration.ofSeconds(10), false));
    ReservationService service =
        ReservationService.builder(storage())
            .clock(RunningApi.CLOCK)
            .paymentGateway(gateway)
            .paymentCallLimit(Duration.ofSeconds(12))
            .build();
    api = RunningApi.start(service, HttpSettings.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
    gateway.close();
    payments.close();
  }

  static Map<String, Object> booking(String spot, double cost) {
    Map<String, Object> input = new HashMap<>();
    input.put("userId", "7a1e4c55-3c1c-4d56-9a8e-0f7f3f1b2c3d");
    input.put("parkingSpotId", spot);
    input.put("startTime", "2026-12-01T10:00:00Z");
    input.put("durationHours", 3);
    input.put("totalCost", cost);
    return Map.of("input", input);
  }

  RunningApi.Answer keyed(String query, Map<String, Object> variables, String key) {
    return keyed(query, variables, key, RunningApi.TENANT);
  }

  RunningApi.Answer keyed(String query, Map<String, Object> variables, String key, String tenant) {
    return api.graphQl(query, variables, Map.of("X-Tenant-ID", tenant, KeyedRequests.HEADER, key));
  }

  long created(String tenant) {
    return api.service
        .eventStats(TenantId.parse(tenant))
        .byType()
        .getOrDefault(EventType.RESERVATION_CREATED, 0L);
  }

  @Test
  void fifty_identical_creates_with_one_key_book_once_and_answer_alike() throws Exception {
    int clients = 50;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<RunningApi.Answer>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return keyed(CREATE, booking("K-1", 3.6), "book-k1-once");
                }));
      }
      go.countDown();
      List<RunningApi.Answer> answers = new ArrayList<>();
      for (Future<RunningApi.Answer> answer : sent) {
        answers.add(answer.get());
      }

      RunningApi.Answer first = answers.getFirst();
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json().has("errors")).as(first.body()).isFalse();
      assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
      assertThat(answers).extracting(RunningApi.Answer::body).containsOnly(first.body());
      assertThat(answers)
          .filteredOn(a -> a.header(KeyedRequests.REPLAYED) == null)
          .as("only the first ran")
          .hasSize(1);
      assertThat(created(RunningApi.TENANT)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void another_body_with_the_same_key_is_refused_and_books_nothing() {
    RunningApi.Answer first = keyed(CREATE, booking("K-2", 3.6), "key-2");
    RunningApi.Answer other = keyed(CREATE, booking("K-3", 3.6), "key-2");

    assertThat(first.json().has("errors")).as(first.body()).isFalse();
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(created(RunningApi.TENANT)).isEqualTo(1);
  }

  @Test
  void formatting_and_key_order_do_not_change_the_request() {
    RunningApi.Answer first = keyed(CREATE, booking("K-4", 3.6), "key-4");
    Map<String, Object> reordered = new java.util.LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) booking("K-4", 3.6).get("input");
    new java.util.TreeMap<>(input).descendingMap().forEach(reordered::put);
    RunningApi.Answer again =
        keyed(
            CREATE.replace(" {", "\n  {").replace("(", " ( "), Map.of("input", reordered), "key-4");

    assertThat(again.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(created(RunningApi.TENANT)).isEqualTo(1);
  }

  @Test
  void the_same_key_in_another_tenant_is_another_booking() {
    RunningApi.Answer here = keyed(CREATE, booking("K-5", 3.6), "shared-key");
    RunningApi.Answer there = keyed(CREATE, booking("K-5", 3.6), "shared-key", OTHER_TENANT);

    assertThat(there.header(KeyedRequests.REPLAYED)).isNull();
    assertThat(there.json().has("errors")).as(there.body()).isFalse();
    assertThat(there.json().path("data").path("createReservation").path("id"))
        .isNotEqualTo(here.json().path("data").path("createReservation").path("id"));
    assertThat(created(RunningApi.TENANT)).isEqualTo(1);
    assertThat(created(OTHER_TENANT)).isEqualTo(1);
  }

  @Test
  void a_retried_cancel_answers_its_first_success() {
    String id = id(keyed(CREATE, booking("K-6", 3.6), "create-6"));

    RunningApi.Answer first = keyed(CANCEL, Map.of("id", id), "cancel-6");
    RunningApi.Answer retry = keyed(CANCEL, Map.of("id", id), "cancel-6");
    RunningApi.Answer unkeyed = api.graphQl(CANCEL, Map.of("id", id));

    assertThat(first.json().path("data").path("cancelReservation").path("status").asText())
        .isEqualTo("CANCELLED");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(unkeyed.json().path("errors").path(0).path("extensions").path("code").asText())
        .as("without a key, a second cancel is refused as before")
        .isEqualTo("INVALID_STATE");
  }

  @Test
  void a_retried_pay_charges_once_and_answers_the_first_outcome() {
    String id = id(keyed(CREATE, booking("K-7", 3.6), "create-7"));

    RunningApi.Answer first = keyed(PAY, Map.of("id", id), "pay-7");
    RunningApi.Answer retry = keyed(PAY, Map.of("id", id), "pay-7");

    assertThat(first.json().path("data").path("payReservation").path("success").asBoolean())
        .as(first.body())
        .isTrue();
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(payments.charges()).hasSize(1);
  }

  @Test
  void a_refused_booking_keeps_its_answer_for_the_retry() {
    String taken = id(keyed(CREATE, booking("K-8", 3.6), "create-8"));
    RunningApi.Answer refused = keyed(CREATE, booking("K-8", 3.6), "create-8-again");
    api.graphQl(CANCEL, Map.of("id", taken)); // the slot is free now
    RunningApi.Answer retry = keyed(CREATE, booking("K-8", 3.6), "create-8-again");

    assertThat(refused.json().path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("SLOT_UNAVAILABLE");
    assertThat(retry.body()).isEqualTo(refused.body());
    assertThat(retry.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(created(RunningApi.TENANT)).isEqualTo(1);
  }

  @Test
  void a_malformed_key_is_refused_and_queries_ignore_the_header() {
    RunningApi.Answer tooLong = keyed(CREATE, booking("K-9", 3.6), "k".repeat(256));
    RunningApi.Answer query =
        keyed("{ reservationStats { totalReservations } }", Map.of(), "k".repeat(300));

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("INVALID_INPUT");
    assertThat(query.status()).isEqualTo(200);
    assertThat(query.json().has("errors")).as(query.body()).isFalse();
    assertThat(created(RunningApi.TENANT)).isZero();
  }

  @Test
  void a_keyed_rest_post_replays_its_answer() {
    Map<String, String> headers =
        Map.of("X-Tenant-ID", RunningApi.TENANT, KeyedRequests.HEADER, "rebuild-1");
    keyed(CREATE, booking("K-10", 3.6), "create-10");

    RunningApi.Answer first = api.post("/admin/rebuild", "{}", headers);
    RunningApi.Answer retry = api.post("/admin/rebuild", "{ }", headers);
    RunningApi.Answer other = api.post("/admin/rebuild", "{\"x\": 1}", headers);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("events_processed").asLong()).isEqualTo(1);
    assertThat(retry.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().path("error").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  static String id(RunningApi.Answer created) {
    assertThat(created.json().has("errors")).as(created.body()).isFalse();
    return created.json().path("data").path("createReservation").path("id").asText();
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
