package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.rabbit.PaymentQueueSettings;
import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.parkora.reservation.clients.rabbit.testing.RabbitBroker;
import com.parkora.reservation.clients.rabbit.testing.TestQueue;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.contract.TestPayments;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.PaymentGateway.ChargeResult;
import com.parkora.reservation.testing.Polling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} instances on one database consume the payment service's events from the
 * contract's {@code payments} exchange (a queue of this test's own): an unknown outcome is settled,
 * a charge for a cancelled reservation is refunded exactly once though delivered twice, a malformed
 * message is dead-lettered, and SIGTERM stops both cleanly.
 */
class ServePaymentEventsTest {

  private static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";

  @TempDir Path work;

  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final PaymentQueueSettings queue =
      PaymentQueueSettings.DEFAULTS.withQueue("test.serve_payments." + UUID.randomUUID());
  @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();
  private PaymentServer paymentService;

  @BeforeEach
  void services() {
    paymentService = new PaymentServer();
  }

  @AfterEach
  void cleanUp() throws Exception {
    broker.deleteQueue(queue.queue());
    broker.deleteQueue(queue.deadLetterQueue());
    broker.deleteExchange(queue.deadLetterExchange());
    paymentService.close();
  }

  @Test
  void two_instances_settle_refund_once_and_dead_letter_what_they_cannot_read() throws Exception {
    try (TestDatabase db = TestDatabase.create("cli_payment_events")) {
      TestPayments lostAnswers = new TestPayments();
      lostAnswers.charges.add(new ChargeResult.Unknown("DEADLINE_EXCEEDED"));
      ReservationService unknownOutcomes =
          ReservationService.builder(db.storage()).paymentGateway(lostAnswers).build();
      String unknown = booked(unknownOutcomes, "U-1");
      unknownOutcomes.pay(tenant, unknown);
      String cancelled = booked(unknownOutcomes, "C-1");
      unknownOutcomes.cancel(tenant, cancelled, "plans changed");

      try (ServedService one = ServedService.start(work, env(db));
          ServedService two = ServedService.start(work, env(db))) {
        Polling.await("both consuming").until(() -> consuming(one) && consuming(two));
        TestQueue deadLetters = broker.bind(queue.deadLetterExchange(), "#");

        publish(processed("txn-unknown", unknown));
        publish(processed("txn-late", cancelled));
        publish(processed("txn-late", cancelled));
        publish("{\"transaction_id\": ");

        deadLetters.awaitUntil(m -> m.size() == 1, Polling.DEADLINE);
        Polling.await("the unknown outcome settled")
            .until(() -> types(db, unknown).contains("PAYMENT_PROCESSED"));
        Polling.await("the refund made")
            .until(() -> types(db, cancelled).contains("REFUND_COMPLETED"));
        Polling.await("both copies handled").until(() -> handled(one) + handled(two) == 3);

        assertThat(types(db, unknown)).containsOnlyOnce("PAYMENT_SETTLED", "PAYMENT_PROCESSED");
        assertThat(types(db, cancelled)).containsOnlyOnce("REFUND_REQUESTED", "REFUND_COMPLETED");
        assertThat(paymentService.refunds())
            .singleElement()
            .satisfies(r -> assertThat(r.getTransactionId()).isEqualTo("txn-late"));
        assertThat(one.terminate()).isZero();
        assertThat(two.terminate()).isZero();
        assertThat(one.log() + two.log()).contains("dead-lettered: body is not JSON");
      }
    }
  }

  private Map<String, String> env(TestDatabase db) {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.connectionString());
    env.put("RABBITMQ_HOST", RabbitBroker.HOST);
    env.put("RABBITMQ_PORT", Integer.toString(RabbitBroker.PORT));
    env.put("RABBITMQ_USER", "guest");
    env.put("RABBITMQ_PASSWORD", "guest");
    env.put("RABBITMQ_PAYMENTS_QUEUE", queue.queue());
    env.put("PAYMENT_SERVICE_HOST", "127.0.0.1");
    env.put("PAYMENT_SERVICE_PORT", Integer.toString(paymentService.port()));
    return env;
  }

  private static boolean consuming(ServedService served) throws Exception {
    return served.log().contains("consuming the payment service's events");
  }

  /** Messages this instance handled (dead letters aside), from its metrics. */
  private static double handled(ServedService served) throws Exception {
    return served
        .get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("reservation_payment_events_handled_total{"))
        .filter(l -> !l.contains("dead_lettered") && !l.contains("requeued"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private List<String> types(TestDatabase db, String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT event_type FROM event_store WHERE aggregate_id = :id ORDER BY version")
                    .bind("id", UUID.fromString(id))
                    .mapTo(String.class)
                    .list());
  }

  private void publish(String body) {
    broker.publish(
        RabbitSettings.PAYMENTS_EXCHANGE,
        "payment.processed",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String processed(String txn, String reservationId) {
    return """
        {"event_type":"payment.processed","transaction_id":"%s","reservation_id":"%s",\
        "user_id":"%s","amount":12.5,"currency":"EUR","timestamp":"2031-05-01T08:00:00Z"}"""
        .formatted(txn, reservationId, USER);
  }

  private String booked(ReservationService service, String spot) {
    return service.create(tenant, USER, spot, "2031-05-02T09:00:00Z", 2, 12.5).id().toString();
  }
}
