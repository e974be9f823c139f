package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.app.PaymentOutcome;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.payment.GrpcPaymentGateway;
import com.parkora.reservation.clients.payment.PaymentSettings;
import com.parkora.reservation.clients.payment.grpc.PaymentResponse;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code payReservation} end to end: GraphQL in front, the real gRPC client behind, against a
 * payment server on loopback that the test controls.
 */
class PaymentsEndToEndTest {

  static final String PAY =
      "mutation($id: String!) { payReservation(id: $id) "
          + "{ success transactionId message errorCode } }";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final TenantId TENANT = TenantId.parse(RunningApi.TENANT);

  private final PaymentServer server = new PaymentServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private GrpcPaymentGateway gateway;
  private RunningApi api;

  @BeforeEach
  void start() {
    gateway =
        new GrpcPaymentGateway(new PaymentSettings("127.0.0.1", server.port(), TIMEOUT, false));
    api = RunningApi.start(service(Duration.ofMinutes(15)), HttpSettings.defaults());
  }

  private ReservationService service(Duration hold) {
    return ReservationService.builder(new InMemoryStorage())
        .clock(RunningApi.CLOCK)
        .paymentGateway(gateway)
        .paymentCallLimit(TIMEOUT.plusSeconds(2))
        .pendingHold(hold)
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    api.close();
    gateway.close();
    server.close();
  }

  @Test
  void a_successful_charge_confirms_with_the_transaction() {
    String id = create("P-1");

    JsonNode paid = pay(id);

    assertThat(paid.path("success").asBoolean()).isTrue();
    String txn = paid.path("transactionId").asText();
    assertThat(txn).startsWith("txn-1-");
    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(types(id))
        .containsExactly("RESERVATION_CREATED", "PAYMENT_CLAIMED", "PAYMENT_PROCESSED");
    var sent = server.charges().getFirst();
    assertThat(sent.getReservationId()).isEqualTo(id);
    assertThat(sent.getAmount()).isEqualTo(7.5);
    assertThat(sent.getTenantId()).isEqualTo(RunningApi.TENANT);

    JsonNode again = pay(id);
    assertThat(again.path("success").asBoolean()).isTrue();
    assertThat(again.path("transactionId").asText()).isEqualTo(txn);
    assertThat(server.charges()).hasSize(1);
  }

  @Test
  void a_decline_passes_the_services_code_through_and_stays_payable() {
    String id = create("P-2");
    server.onCharge(request -> PaymentServer.declined("CARD_DECLINED", "Insufficient funds"));

    JsonNode declined = pay(id);

    assertThat(declined.path("success").asBoolean()).isFalse();
    assertThat(declined.path("errorCode").asText()).isEqualTo("CARD_DECLINED");
    assertThat(declined.path("message").asText()).isEqualTo("Insufficient funds");
    assertThat(status(id)).isEqualTo(ReservationStatus.PENDING);
    assertThat(types(id))
        .containsExactly("RESERVATION_CREATED", "PAYMENT_CLAIMED", "PAYMENT_FAILED");

    server.onCharge(server::approve);
    assertThat(pay(id).path("success").asBoolean()).isTrue();
    assertThat(server.charges()).hasSize(2);
  }

  @Test
  void no_payment_server_is_service_unavailable_and_releases_the_claim() throws Exception {
    String id = create("P-3");
    server.close();

    JsonNode answer = pay(id);

    assertThat(answer.path("success").asBoolean()).isFalse();
    assertThat(answer.path("errorCode").asText()).isEqualTo(PaymentOutcome.SERVICE_UNAVAILABLE);
    assertThat(status(id)).isEqualTo(ReservationStatus.PENDING);
    assertThat(types(id))
        .containsExactly("RESERVATION_CREATED", "PAYMENT_CLAIMED", "PAYMENT_RELEASED");
    assertThat(api.service.paymentAdministration().unsettled(TENANT)).isEmpty();
  }

  @Test
  void a_deadline_after_the_charge_is_unknown_until_settled() {
    String id = create("P-4");
    chargeThen(charged -> release.await(30, TimeUnit.SECONDS));

    JsonNode first = pay(id);
    JsonNode second = pay(id);

    assertThat(first.path("errorCode").asText()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);
    assertThat(second.path("errorCode").asText()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);
    assertThat(server.charges()).hasSize(1);
    assertThat(types(id))
        .containsExactly("RESERVATION_CREATED", "PAYMENT_CLAIMED", "PAYMENT_OUTCOME_UNKNOWN");
    assertThat(api.service.paymentAdministration().unsettled(TENANT))
        .extracting(u -> u.reservationId().toString())
        .containsExactly(id);
    JsonNode listed =
        api.get("/admin/payments/unsettled", Map.of("X-Tenant-ID", RunningApi.TENANT)).json();
    assertThat(listed.path("unsettled").get(0).path("reservation_id").asText()).isEqualTo(id);

    api.service.paymentAdministration().settle(TENANT, id, "txn-1-" + id, "operator");

    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(api.service.byId(TENANT, id).orElseThrow().transactionId()).isEqualTo("txn-1-" + id);
    assertThat(api.service.paymentAdministration().unsettled(TENANT)).isEmpty();
    assertThat(server.charges()).hasSize(1);
  }

  @Test
  void an_unknown_outcome_settled_as_not_charged_is_payable_again() {
    String id = create("P-5");
    server.onCharge(
        request -> {
          release.await(30, TimeUnit.SECONDS);
          return server.approve(request);
        });
    assertThat(pay(id).path("errorCode").asText()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);

    api.service.paymentAdministration().settle(TENANT, id, null, "operator");
    server.onCharge(server::approve);

    assertThat(pay(id).path("success").asBoolean()).isTrue();
    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(server.charges()).hasSize(2);
  }

  @Test
  void sixteen_racing_pays_make_one_charge_and_agree() throws Exception {
    String id = create("P-6");
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonNode>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return pay(id);
                }));
      }
      go.countDown();
    }

    assertThat(server.charges()).hasSize(1);
    Set<String> transactions = new HashSet<>();
    for (Future<JsonNode> answer : answers) {
      assertThat(answer.get().path("success").asBoolean()).as(answer.get().toString()).isTrue();
      transactions.add(answer.get().path("transactionId").asText());
    }
    assertThat(transactions).containsExactly("txn-1-" + id);
    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void the_payment_service_confirming_during_the_charge_makes_our_success_a_no_op() {
    String id = create("P-7");
    chargeThen(
        charged -> {
          JsonNode seen =
              api.graphQl("{ reservationById(id: \"" + id + "\") { id status } }", Map.of()).json();
          assertThat(seen.path("data").path("reservationById").path("status").asText())
              .isEqualTo("PENDING");
          JsonNode confirmed =
              api.graphQl(
                      "mutation { confirmReservation(id: \""
                          + id
                          + "\", transactionId: \""
                          + charged.getTransactionId()
                          + "\") { status } }",
                      Map.of())
                  .json();
          assertThat(confirmed.path("errors").isMissingNode()).as(confirmed.toString()).isTrue();
        });

    JsonNode paid = pay(id);

    assertThat(paid.path("success").asBoolean()).as(paid.toString()).isTrue();
    assertThat(paid.path("transactionId").asText()).isEqualTo("txn-1-" + id);
    assertThat(types(id))
        .containsExactly("RESERVATION_CREATED", "PAYMENT_CLAIMED", "RESERVATION_CONFIRMED");
    assertThat(server.refunds()).isEmpty();
  }

  @Test
  void a_reservation_that_costs_nothing_is_confirmed_without_a_call() {
    String id =
        api.service
            .create(TENANT, UUID.randomUUID().toString(), "P-8", "2026-12-01T09:00:00Z", 2, 0.0)
            .id()
            .toString();

    JsonNode paid = pay(id);

    assertThat(paid.path("success").asBoolean()).isTrue();
    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(server.charges()).isEmpty();
  }

  @Test
  void cancelling_a_paid_reservation_refunds_it_once() {
    String id = create("P-9");
    String txn = pay(id).path("transactionId").asText();

    api.service.cancel(TENANT, id, "plans changed");

    assertThat(server.refunds()).hasSize(1);
    assertThat(server.refunds().getFirst().getTransactionId()).isEqualTo(txn);
    assertThat(server.refunds().getFirst().getAmount()).isZero();
    assertThat(types(id)).endsWith("RESERVATION_CANCELLED", "REFUND_REQUESTED", "REFUND_COMPLETED");
    assertThat(api.service.paymentAdministration().sendDueRefunds(10)).isZero();
    assertThat(server.refunds()).hasSize(1);
  }

  @Test
  void pay_racing_cancel_never_keeps_a_charge_it_does_not_need() throws Exception {
    for (int round = 0; round < 50; round++) {
      String id = create("R-" + round);
      race(() -> pay(id), () -> cancelQuietly(id));
      assertEveryChargeKeptOrRefunded(id);
    }
  }

  @Test
  void pay_racing_expiry_never_keeps_a_charge_it_does_not_need() throws Exception {
    api.close();
    api = RunningApi.start(service(Duration.ZERO), HttpSettings.defaults());
    for (int round = 0; round < 50; round++) {
      String id = create("E-" + round);
      race(() -> pay(id), () -> api.service.expireDue(TENANT, 10));
      assertEveryChargeKeptOrRefunded(id);
    }
  }

  /** Kept: the reservation is CONFIRMED with that charge; otherwise it must be refunded. */
  private void assertEveryChargeKeptOrRefunded(String id) {
    var reservation = api.service.byId(TENANT, id).orElseThrow();
    Set<String> refunded =
        server.refunds().stream().map(r -> r.getTransactionId()).collect(Collectors.toSet());
    List<String> charged =
        server.charges().stream()
            .filter(c -> c.getReservationId().equals(id))
            .map(c -> c.getReservationId())
            .toList();
    assertThat(charged).hasSizeLessThanOrEqualTo(1);
    assertThat(types(id)).doesNotContain("PAYMENT_OUTCOME_UNKNOWN");
    if (charged.isEmpty()) {
      return;
    }
    boolean kept =
        reservation.status() == ReservationStatus.CONFIRMED && reservation.transactionId() != null;
    boolean refundedCharge = refunded.stream().anyMatch(txn -> txn.endsWith("-" + id));
    assertThat(kept || refundedCharge)
        .as("charge of %s (status %s) is kept or refunded", id, reservation.status())
        .isTrue();
    assertThat(kept && refundedCharge).as("a kept charge of %s is not refunded", id).isFalse();
  }

  private void cancelQuietly(String id) {
    try {
      api.service.cancel(TENANT, id, "race");
    } catch (RuntimeException lostTheRace) {
      // the reservation was already confirmed-and-cancelled or moved on
    }
  }

  private static void race(Runnable first, Runnable second) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> racers = new ArrayList<>();
      for (Runnable racer : List.of(first, second)) {
        racers.add(
            pool.submit(
                () -> {
                  go.await();
                  racer.run();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> racer : racers) {
        racer.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The payment server charges, then does {@code meanwhile} with the charge before it answers. */
  private void chargeThen(Meanwhile meanwhile) {
    server.onCharge(
        request -> {
          PaymentResponse charged = server.approve(request);
          meanwhile.with(charged);
          return charged;
        });
  }

  /** What the payment server does between charging and answering. */
  private interface Meanwhile {
    void with(PaymentResponse charged) throws Exception;
  }

  private String create(String spot) {
    return api.service
        .create(TENANT, UUID.randomUUID().toString(), spot, "2026-12-01T09:00:00Z", 2, 7.5)
        .id()
        .toString();
  }

  private JsonNode pay(String id) {
    JsonNode answer = api.graphQl(PAY, Map.of("id", id)).json();
    assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
    return answer.path("data").path("payReservation");
  }

  private ReservationStatus status(String id) {
    return api.service.byId(TENANT, id).orElseThrow().status();
  }

  private List<String> types(String id) {
    return api.service.events(TENANT, id).stream().map(e -> e.type().name()).toList();
  }
}
