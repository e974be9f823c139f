package com.parkora.reservation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.PaymentNotice;
import com.parkora.reservation.port.StoredEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The payment flow's records: claims, unknown outcomes, settlement, refunds and their retries. */
class PaymentFlowTest {

  private static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";
  private static final Duration CALL_LIMIT = Duration.ofSeconds(15);

  private final TestClock clock = TestClock.at("2026-12-01T08:00:00Z");
  private final InMemoryStorage storage = new InMemoryStorage();
  private final Gateway payments = new Gateway();
  private final ReservationService service =
      ReservationService.builder(storage)
          .clock(clock)
          .paymentGateway(payments)
          .paymentCallLimit(CALL_LIMIT)
          .refundBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5))
          .build();
  private final TenantId tenant = new TenantId(UUID.randomUUID());

  @Test
  void an_unknown_outcome_answers_pending_and_is_never_charged_again() {
    String id = booked(7.5);
    payments.charges.add(new PaymentGateway.ChargeResult.Unknown("DEADLINE_EXCEEDED"));

    assertThat(service.pay(tenant, id).errorCode()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);
    assertThat(service.pay(tenant, id).errorCode()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);

    assertThat(payments.charged.get()).isEqualTo(1);
    assertThat(service.paymentAdministration().unsettled(tenant))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.reservationId().toString()).isEqualTo(id);
              assertThat(u.outcomeRecorded()).isTrue();
              assertThat(u.amount()).isEqualByComparingTo("7.50");
            });
  }

  @Test
  void settling_with_the_transaction_confirms_and_with_none_makes_it_payable_again() {
    String confirmed = booked(7.5);
    String notCharged = booked(7.5, "B-1");
    payments.charges.add(new PaymentGateway.ChargeResult.Unknown("lost"));
    payments.charges.add(new PaymentGateway.ChargeResult.Unknown("lost"));
    service.pay(tenant, confirmed);
    service.pay(tenant, notCharged);

    service.paymentAdministration().settle(tenant, confirmed, "txn-found", "operator");
    service.paymentAdministration().settle(tenant, notCharged, null, "operator");

    assertThat(service.byId(tenant, confirmed).orElseThrow().transactionId())
        .isEqualTo("txn-found");
    assertThat(service.byId(tenant, confirmed).orElseThrow().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(service.paymentAdministration().unsettled(tenant)).isEmpty();
    PaymentOutcome again = service.pay(tenant, notCharged);
    assertThat(again.success()).isTrue();
    assertThat(payments.charged.get()).isEqualTo(3);
  }

  @Test
  void settling_a_charge_the_reservation_no_longer_needs_refunds_it() {
    String id = booked(7.5);
    payments.charges.add(new PaymentGateway.ChargeResult.Unknown("lost"));
    service.pay(tenant, id);
    service.cancel(tenant, id, "gave up");

    service.paymentAdministration().settle(tenant, id, "txn-late", "payment-service");

    assertThat(payments.refunded).containsExactly("txn-late");
    assertThat(types(id)).endsWith("PAYMENT_SETTLED", "REFUND_REQUESTED", "REFUND_COMPLETED");
  }

  @Test
  void settling_when_nothing_waits_is_refused_without_a_trace() {
    String id = booked(7.5);
    long before = storage.eventCount(tenant);

    assertThatThrownBy(
            () -> service.paymentAdministration().settle(tenant, id, "txn-x", "operator"))
        .isInstanceOfSatisfying(
            ReservationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
    assertThat(storage.eventCount(tenant)).isEqualTo(before);
  }

  /** The payment service reports, on its own, that it charged {@code txn} for the reservation. */
  private void reportCharge(String id, String txn) {
    service
        .paymentAdministration()
        .notices()
        .handle(new PaymentNotice.Charged(txn, id, new BigDecimal("7.50")));
  }

  @Test
  void a_charge_no_reservation_needs_is_refunded_once() {
    String id = booked(7.5);
    String paid = service.pay(tenant, id).transactionId();

    reportCharge(id, "txn-duplicate");
    reportCharge(id, "txn-duplicate");
    reportCharge(id, paid);

    assertThat(payments.refunded).containsExactly("txn-duplicate");
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
  }

  @Test
  void a_completed_reservations_own_payment_reported_again_asks_for_no_refund() {
    String id = booked(7.5);
    String paid = service.pay(tenant, id).transactionId();
    service.complete(tenant, id);

    reportCharge(id, paid);

    assertThat(payments.refunded).isEmpty();
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.COMPLETED);
  }

  @Test
  void a_claim_left_without_an_outcome_turns_unknown_after_a_call_can_take() throws Exception {
    String id = booked(7.5);
    Thread stuck = payHeldInCall(id);

    clock.advance(CALL_LIMIT.plusSeconds(1));
    PaymentOutcome later = service.pay(tenant, id);

    assertThat(later.errorCode()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);
    assertThat(types(id)).endsWith("PAYMENT_CLAIMED", "PAYMENT_OUTCOME_UNKNOWN");
    assertThat(service.paymentAdministration().unsettled(tenant)).hasSize(1);
    assertThat(payments.charged.get()).isEqualTo(1);

    payments.hold.countDown();
    stuck.join();
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .as("the late answer settles it")
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(service.paymentAdministration().unsettled(tenant)).isEmpty();
  }

  @Test
  void a_refund_that_fails_is_retried_with_backoff_until_it_succeeds() {
    String id = booked(7.5);
    service.pay(tenant, id);
    payments.refunds.add(new PaymentGateway.RefundResult.Unavailable("down"));
    payments.refunds.add(new PaymentGateway.RefundResult.Refused("LATER", "busy"));

    service.cancel(tenant, id, "plans changed");
    assertThat(service.paymentAdministration().sendDueRefunds(10))
        .as("not due before its backoff")
        .isZero();
    clock.advance(Duration.ofSeconds(5));
    assertThat(service.paymentAdministration().sendDueRefunds(10)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(9));
    assertThat(service.paymentAdministration().sendDueRefunds(10))
        .as("second backoff is twice the first")
        .isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(service.paymentAdministration().sendDueRefunds(10)).isEqualTo(1);
    assertThat(service.paymentAdministration().sendDueRefunds(10)).isZero();

    assertThat(payments.refundCalls).isEqualTo(3);
    assertThat(types(id))
        .endsWith(
            "RESERVATION_CANCELLED",
            "REFUND_REQUESTED",
            "REFUND_FAILED",
            "REFUND_FAILED",
            "REFUND_COMPLETED");
    assertThat(service.paymentAdministration().pendingRefunds()).isZero();
  }

  @Test
  void a_reservation_that_costs_nothing_is_confirmed_without_a_call() {
    String id = booked(0);

    PaymentOutcome outcome = service.pay(tenant, id);

    assertThat(outcome.success()).isTrue();
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(payments.charged.get()).isZero();
  }

  @Test
  void expiry_records_a_claim_left_without_outcome_and_a_late_charge_is_refunded()
      throws Exception {
    String id = booked(7.5);
    Thread stuck = payHeldInCall(id);

    clock.advance(Duration.ofMinutes(16));
    assertThat(service.expireDue(tenant, 10)).isEqualTo(1);

    assertThat(types(id)).endsWith("PAYMENT_OUTCOME_UNKNOWN", "RESERVATION_EXPIRED");
    assertThat(service.paymentAdministration().unsettled(tenant)).hasSize(1);
    payments.hold.countDown();
    stuck.join();
    assertThat(payments.refunded).containsExactly("txn-1");
    assertThat(service.paymentAdministration().unsettled(tenant)).isEmpty();
  }

  private List<String> types(String id) {
    List<String> names = new ArrayList<>();
    for (StoredEvent event : service.events(tenant, id)) {
      names.add(event.type().name());
    }
    return names;
  }

  @Test
  void a_pay_that_loses_its_claim_to_one_that_finished_answers_that_ones_transaction() {
    String id = booked(7.5);
    AtomicBoolean between = new AtomicBoolean();
    // The attempt id is drawn after the load and before the claim: the other instance's whole pay
    // runs exactly there, so this pay claims a reservation that is CONFIRMED by then.
    ReservationService racing =
        ReservationService.builder(storage)
            .clock(clock)
            .paymentGateway(payments)
            .paymentCallLimit(CALL_LIMIT)
            .ids(
                () -> {
                  if (between.getAndSet(false)) {
                    assertThat(service.pay(tenant, id).transactionId()).isEqualTo("txn-1");
                  }
                  return UUID.randomUUID();
                })
            .build();
    between.set(true);

    PaymentOutcome late = racing.pay(tenant, id);

    assertThat(between).isFalse();
    assertThat(late.success()).as(late.message()).isTrue();
    assertThat(late.transactionId()).isEqualTo("txn-1");
    assertThat(payments.charged.get()).isEqualTo(1);
  }

  private String booked(double cost) {
    return booked(cost, "A-12");
  }

  private String booked(double cost, String spot) {
    return service.create(tenant, USER, spot, "2026-12-01T09:30:00Z", 2, cost).id().toString();
  }

  /** A pay whose charge is sent and held by the gateway until {@code payments.hold} opens. */
  private Thread payHeldInCall(String id) throws InterruptedException {
    CountDownLatch inCall = new CountDownLatch(1);
    payments.hold = new CountDownLatch(1);
    payments.inCall = inCall;
    Thread stuck = Thread.ofVirtual().start(() -> service.pay(tenant, id));
    inCall.await();
    return stuck;
  }

  /** Answers charges and refunds from queues (success when empty), counting every call. */
  private static final class Gateway implements PaymentGateway {
    final Deque<ChargeResult> charges = new ConcurrentLinkedDeque<>();
    final Deque<RefundResult> refunds = new ConcurrentLinkedDeque<>();
    final List<String> refunded = new CopyOnWriteArrayList<>();
    final AtomicInteger charged = new AtomicInteger();
    volatile CountDownLatch inCall = new CountDownLatch(0);
    volatile CountDownLatch hold = new CountDownLatch(0);
    int refundCalls;

    @Override
    public ChargeResult charge(
        TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
      int call = charged.incrementAndGet();
      ChargeResult next = charges.poll();
      inCall.countDown();
      try {
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return next == null ? new ChargeResult.Charged("txn-" + call, "ok") : next;
    }

    @Override
    public synchronized RefundResult refund(
        TenantId tenant, String transactionId, BigDecimal amount, String reason) {
      refundCalls++;
      RefundResult next = refunds.poll();
      if (next == null) {
        refunded.add(transactionId);
        return new RefundResult.Refunded("refund-" + refundCalls, "ok");
      }
      return next;
    }
  }
}
