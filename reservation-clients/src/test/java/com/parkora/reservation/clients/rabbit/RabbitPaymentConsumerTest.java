package com.parkora.reservation.clients.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.rabbit.testing.RabbitBroker;
import com.parkora.reservation.clients.rabbit.testing.TestQueue;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.contract.TestPayments;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.PaymentGateway.ChargeResult;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.parkora.reservation.port.PaymentNoticeHandler.Handled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payments consumer against the real RabbitMQ: messages published to the contract's {@code
 * payments} exchange reach a queue of this test's own and are applied to an in-memory store; bad
 * ones go to the dead-letter queue and the next message is still handled.
 */
class RabbitPaymentConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";

  private final TestClock clock = TestClock.at("2031-05-01T08:00:00Z");
  private final TestPayments payments = new TestPayments();
  private final InMemoryStorage storage = new InMemoryStorage();
  private final ReservationService service =
      ReservationService.builder(storage).clock(clock).paymentGateway(payments).build();
  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final BlockingQueue<Handled> outcomes = new LinkedBlockingQueue<>();
  private final PaymentQueueSettings queue =
      PaymentQueueSettings.DEFAULTS.withQueue("test.reservation_payments." + UUID.randomUUID());
  @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();
  private RabbitPaymentConsumer consumer;
  private TestQueue deadLetters;

  @BeforeEach
  void consume() throws InterruptedException {
    start(recorded(service.paymentAdministration().notices()));
  }

  @AfterEach
  void stop() throws Exception {
    consumer.close();
    broker.deleteQueue(queue.queue());
    broker.deleteQueue(queue.deadLetterQueue());
    broker.deleteExchange(queue.deadLetterExchange());
  }

  @Test
  void a_charge_settles_a_reservation_whose_payment_outcome_is_unknown() throws Exception {
    String id = booked("A-1");
    payments.charges.add(new ChargeResult.Unknown("DEADLINE_EXCEEDED"));
    service.pay(tenant, id);

    publish("payment.processed", processed("txn-settle", id));

    assertThat(next()).isEqualTo(Handled.SETTLED);
    assertThat(service.byId(tenant, id).orElseThrow())
        .satisfies(r -> assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED))
        .satisfies(r -> assertThat(r.transactionId()).isEqualTo("txn-settle"));
  }

  @Test
  void a_charge_for_a_cancelled_reservation_is_refunded_once_however_often_delivered()
      throws Exception {
    String id = booked("A-1");
    service.cancel(tenant, id, "plans changed");

    publish("payment.processed", processed("txn-late", id));
    publish("payment.processed", processed("txn-late", id));

    assertThat(next()).isEqualTo(Handled.REFUND_REQUESTED);
    assertThat(next()).isEqualTo(Handled.DUPLICATE);
    assertThat(payments.refunded).containsExactly("txn-late");
    assertThat(service.paymentAdministration().pendingRefunds()).isZero();
  }

  @Test
  void a_malformed_body_is_dead_lettered_and_the_next_message_is_still_handled() throws Exception {
    String id = booked("A-1");
    service.cancel(tenant, id, null);

    publish("payment.processed", "{not json");
    publish(
        "payment.processed",
        "{\"event_type\":\"payment.processed\",\"reservation_id\":\"" + id + "\"}");
    publish("payment.processed", processed("txn-after", id));

    assertThat(next()).isEqualTo(Handled.REFUND_REQUESTED);
    deadLetters.awaitUntil(m -> m.size() == 2, PATIENCE);
    assertThat(deadLetters.messages())
        .extracting(TestQueue.Message::body)
        .containsExactly(
            "{not json",
            "{\"event_type\":\"payment.processed\",\"reservation_id\":\"" + id + "\"}");
    assertThat(payments.refunded).containsExactly("txn-after");
  }

  @Test
  void a_charge_for_a_reservation_no_tenant_has_is_dead_lettered() throws Exception {
    publish("payment.processed", processed("txn-x", UUID.randomUUID().toString()));

    assertThat(deadLetters.awaitUntil(m -> m.size() == 1, PATIENCE))
        .singleElement()
        .satisfies(m -> assertThat(m.routingKey()).isEqualTo("payment.processed"));
  }

  @Test
  void a_store_that_does_not_answer_gets_the_message_again_after_a_backoff() throws Exception {
    consumer.close();
    AtomicInteger calls = new AtomicInteger();
    PaymentNoticeHandler real = service.paymentAdministration().notices();
    start(
        recorded(
            notice -> {
              if (calls.incrementAndGet() == 1) {
                throw new ReservationException.DependencyUnavailable("database down", null);
              }
              return real.handle(notice);
            }));
    String id = booked("A-1");
    service.cancel(tenant, id, null);

    publish("payment.refunded", "{\"refund_id\":\"rf-1\",\"transaction_id\":\"txn-none\"}");

    assertThat(next()).isEqualTo(Handled.IGNORED);
    assertThat(calls).hasValue(2);
    assertThat(deadLetters.messages()).isEmpty();
  }

  private void start(PaymentNoticeHandler handler) throws InterruptedException {
    RabbitSettings rabbit =
        RabbitSettings.of(RabbitBroker.HOST, RabbitBroker.PORT, "guest", "guest");
    consumer =
        RabbitPaymentConsumer.start(
            rabbit, queue, handler, new PaymentEventMetrics(new SimpleMeterRegistry()));
    assertThat(consumer.awaitConsuming(PATIENCE)).as("consuming").isTrue();
    if (deadLetters == null) {
      deadLetters = broker.bind(queue.deadLetterExchange(), "#");
    }
  }

  private PaymentNoticeHandler recorded(PaymentNoticeHandler handler) {
    return notice -> {
      Handled outcome = handler.handle(notice);
      outcomes.add(outcome);
      return outcome;
    };
  }

  private Handled next() throws InterruptedException {
    Handled outcome = outcomes.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(outcome).as("a message handled within " + PATIENCE).isNotNull();
    return outcome;
  }

  private void publish(String key, String body) {
    broker.publish(RabbitSettings.PAYMENTS_EXCHANGE, key, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String processed(String txn, String reservationId) {
    return """
        {"event_type":"payment.processed","transaction_id":"%s","reservation_id":"%s",\
        "user_id":"%s","amount":7.5,"currency":"EUR","timestamp":"2031-05-01T08:00:00Z"}"""
        .formatted(txn, reservationId, USER);
  }

  private String booked(String spot) {
    return service.create(tenant, USER, spot, "2031-05-02T09:00:00Z", 2, 7.5).id().toString();
  }
}
