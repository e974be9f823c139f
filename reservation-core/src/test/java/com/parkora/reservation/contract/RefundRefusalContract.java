package com.parkora.reservation.contract;

import static com.parkora.reservation.contract.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationServiceBuilder;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.PaymentGateway.RefundResult;
import com.parkora.reservation.port.StoredEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds against a payment service that answers as the real one does: a repeated refund answers
 * {@code PAYMENT_ALREADY_REFUNDED} with the first refund id, which completes the refund; a refusal
 * that retrying cannot change stops the retries and waits for an operator. A subclass answers
 * {@link #newStorage()}. Every test starts from a paid reservation.
 */
public abstract class RefundRefusalContract extends PaymentsOnStorage {

  private String id;
  private String txn;

  @Override
  ReservationServiceBuilder configured(ReservationServiceBuilder service) {
    return service.refundBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
  }

  @BeforeEach
  void pay() {
    id = paid();
    txn = transactionOf(id);
  }

  @Test
  void a_refund_whose_answer_was_lost_completes_with_the_first_refund_id_when_retried() {
    payments.loseRefundAnswers = true;
    service.cancel(tenant, id, "plans changed"); // refunded, but the answer is lost
    assertThat(types(id)).endsWith("REFUND_REQUESTED", "REFUND_FAILED");
    payments.loseRefundAnswers = false;

    clock.advance(Duration.ofMinutes(1));
    service.paymentAdministration().sendDueRefunds(10);

    List<StoredEvent> events = service.events(tenant, id);
    assertThat(events.getLast().type().name()).isEqualTo("REFUND_COMPLETED");
    assertThat(events.getLast().event())
        .hasFieldOrPropertyWithValue("refundId", payments.refundIdOf(txn));
    assertThat(storage.refunds().owedFor(txn)).isEmpty();
    clock.advance(Duration.ofHours(1));
    service.paymentAdministration().sendDueRefunds(10);
    assertThat(payments.refundCallsOf(txn)).isEqualTo(2);
  }

  @Test
  void a_refusal_retrying_cannot_change_is_not_retried_every_backoff_period() {
    cancelWhileRefundsAnswer(new RefundResult.Refused("PAYMENT_NOT_FOUND", "Payment not found"));
    int stored = service.events(tenant, id).size();

    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMinutes(15));
      service.paymentAdministration().sendDueRefunds(10);
    }

    assertThat(payments.refundCallsOf(txn)).isEqualTo(1);
    assertThat(service.events(tenant, id)).hasSize(stored);
    assertThat(storage.refunds().owedFor(txn)).as("still owed, for an operator").hasSize(1);
  }

  @Test
  void a_refused_refund_is_listed_for_an_operator_who_records_the_refund_id_found() {
    cancelWhileRefundsAnswer(new RefundResult.Refused("REFUND_NOT_ALLOWED", "status: FAILED"));

    assertThat(types(id)).endsWith("REFUND_REQUESTED", "REFUND_REFUSED");
    assertThat(service.paymentAdministration().refusedRefunds(tenant))
        .singleElement()
        .satisfies(r -> assertThat(r.reservationId().toString()).isEqualTo(id))
        .satisfies(r -> assertThat(r.transactionId()).isEqualTo(txn))
        .satisfies(r -> assertThat(r.error()).isEqualTo("REFUND_NOT_ALLOWED: status: FAILED"))
        .satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
    assertThat(service.paymentAdministration().refusedRefundCount()).isPositive();
    assertThat(service.paymentAdministration().refusedRefunds(newTenant())).isEmpty();

    service.paymentAdministration().resolveRefund(tenant, id, txn, "rf-by-hand");

    assertThat(types(id)).endsWith("REFUND_REFUSED", "REFUND_COMPLETED");
    assertThat(service.events(tenant, id).getLast().event())
        .hasFieldOrPropertyWithValue("refundId", "rf-by-hand");
    assertThat(service.paymentAdministration().refusedRefunds(tenant)).isEmpty();
    assertThat(storage.refunds().owedFor(txn)).isEmpty();
    assertThat(payments.refundCallsOf(txn)).isEqualTo(1);
  }

  @Test
  void an_operator_retry_sends_a_refused_refund_again() {
    cancelWhileRefundsAnswer(new RefundResult.Refused("INVALID_REQUEST", "tenant_id is required"));
    payments.refundAnswer = null; // the cause was fixed

    service.paymentAdministration().resolveRefund(tenant, id, txn, null);

    assertThat(types(id)).endsWith("REFUND_REFUSED", "REFUND_FAILED", "REFUND_COMPLETED");
    assertThat(payments.refundCallsOf(txn)).isEqualTo(2);
    assertThat(service.paymentAdministration().refusedRefunds(tenant)).isEmpty();
  }

  @Test
  void only_a_refused_refund_can_be_resolved() {

    assertThatThrownBy(() -> service.paymentAdministration().resolveRefund(tenant, id, txn, "rf-1"))
        .isInstanceOf(ReservationException.InvalidInput.class)
        .hasMessageContaining("no refused refund");
  }

  @Test
  void a_passing_refusal_is_still_retried_with_backoff() {
    cancelWhileRefundsAnswer(new RefundResult.Refused("INTERNAL_ERROR", "database error"));
    clock.advance(Duration.ofMinutes(1));
    service.paymentAdministration().sendDueRefunds(10);

    assertThat(payments.refundCallsOf(txn)).isEqualTo(2);
    assertThat(types(id)).endsWith("REFUND_FAILED", "REFUND_FAILED");
    assertThat(service.paymentAdministration().refusedRefunds(tenant)).isEmpty();
  }

  /**
   * Cancels the paid reservation while the payment service answers its refund with {@code answer}.
   */
  private void cancelWhileRefundsAnswer(RefundResult answer) {
    payments.refundAnswer = answer;
    service.cancel(tenant, id, "plans changed");
  }

  protected String paid() {
    String id =
        service
            .create(tenant, USER, "A-1", Fixtures.T0.plus(Duration.ofDays(1)).toString(), 2, 7.5)
            .id()
            .toString();
    assertThat(service.pay(tenant, id).success()).isTrue();
    return id;
  }

  protected String transactionOf(String id) {
    return service.byId(tenant, id).orElseThrow().transactionId();
  }

  protected List<String> types(String id) {
    return service.events(tenant, id).stream().map(e -> e.type().name()).toList();
  }
}
