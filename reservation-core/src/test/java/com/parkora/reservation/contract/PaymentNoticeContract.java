package com.parkora.reservation.contract;

import static com.parkora.reservation.contract.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationServiceBuilder;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway.ChargeResult;
import com.parkora.reservation.port.PaymentGateway.RefundResult;
import com.parkora.reservation.port.PaymentNotice;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.parkora.reservation.port.PaymentNoticeHandler.Handled;
import com.parkora.reservation.port.RefundQueue.PendingRefund;
import com.parkora.reservation.port.StoredEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment service's own events applied through a store: a reservation found across tenants by
 * its id alone, the refunds owed for a transaction found across tenants, and the rule of {@link
 * PaymentNoticeHandler} recorded once however often a notice is handled. A subclass answers {@link
 * #newStorage()}; each test uses tenants and transactions of its own.
 */
public abstract class PaymentNoticeContract extends PaymentsOnStorage {

  private final String txn = "txn-" + UUID.randomUUID();
  private PaymentNoticeHandler notices;

  @Override
  ReservationServiceBuilder configured(ReservationServiceBuilder service) {
    return service.paymentCallLimit(Duration.ofSeconds(15));
  }

  @BeforeEach
  void openNotices() {
    notices = service.paymentAdministration().notices();
  }

  @Test
  void a_reservation_is_found_across_tenants_by_its_id_alone_deleted_or_not() {
    TenantId other = newTenant();
    String mine = booked(tenant, "A-1");
    String theirs = booked(other, "A-1");
    service.delete(other, theirs);

    assertThat(storage.tenantOf(UUID.fromString(mine))).contains(tenant);
    assertThat(storage.tenantOf(UUID.fromString(theirs))).contains(other);
    assertThat(storage.tenantOf(UUID.randomUUID())).isEmpty();
  }

  @Test
  void a_charge_settles_an_unknown_outcome_and_its_redelivery_changes_nothing() {
    String id = booked(tenant, "A-1");
    payments.charges.add(new ChargeResult.Unknown("DEADLINE_EXCEEDED"));
    service.pay(tenant, id);

    assertThat(notices.handle(charged(id))).isEqualTo(Handled.SETTLED);
    int stored = events(id).size();
    assertThat(notices.handle(charged(id))).isEqualTo(Handled.DUPLICATE);

    assertThat(service.byId(tenant, id).orElseThrow())
        .satisfies(r -> assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED))
        .satisfies(r -> assertThat(r.transactionId()).isEqualTo(txn));
    assertThat(events(id)).hasSize(stored);
    assertThat(service.paymentAdministration().unsettled(tenant)).isEmpty();
  }

  @Test
  void a_charge_for_a_cancelled_reservation_is_owed_back_exactly_once() {
    String id = booked(tenant, "A-1");
    service.cancel(tenant, id, "changed plans");
    payments.refundAnswer = new RefundResult.Unavailable("down");

    assertThat(notices.handle(charged(id))).isEqualTo(Handled.REFUND_REQUESTED);
    assertThat(notices.handle(charged(id))).isEqualTo(Handled.DUPLICATE);

    assertThat(storage.refunds().owedFor(txn))
        .singleElement()
        .satisfies(r -> assertThat(r.reservationId().toString()).isEqualTo(id))
        .satisfies(r -> assertThat(r.tenant()).isEqualTo(tenant));
    assertThat(types(id)).containsOnlyOnce("REFUND_REQUESTED");
  }

  @Test
  void a_charge_for_a_deleted_reservation_is_refunded_and_the_refund_recorded() {
    String id = booked(tenant, "A-1");
    service.delete(tenant, id);

    assertThat(notices.handle(charged(id))).isEqualTo(Handled.REFUND_REQUESTED);

    assertThat(payments.refunded).containsExactly(txn);
    assertThat(types(id)).endsWith("RESERVATION_DELETED", "REFUND_REQUESTED", "REFUND_COMPLETED");
    assertThat(storage.refunds().owedFor(txn)).isEmpty();
    assertThat(service.byId(tenant, id)).isEmpty();
  }

  @Test
  void a_second_charge_of_a_paid_reservation_is_refunded_and_its_own_payment_is_not() {
    String id = booked(tenant, "A-1");
    String paidWith = service.pay(tenant, id).transactionId();

    assertThat(notices.handle(new PaymentNotice.Charged(paidWith, id, null)))
        .isEqualTo(Handled.DUPLICATE);
    assertThat(notices.handle(charged(id))).isEqualTo(Handled.REFUND_REQUESTED);

    assertThat(payments.refunded).containsExactly(txn);
    assertThat(service.byId(tenant, id).orElseThrow().transactionId()).isEqualTo(paidWith);
  }

  @Test
  void a_charge_for_a_reservation_no_tenant_has_is_answered_as_unknown() {
    long before = storage.eventCount(tenant);

    assertThat(notices.handle(charged(UUID.randomUUID().toString())))
        .isEqualTo(Handled.UNKNOWN_RESERVATION);
    assertThat(notices.handle(charged("not-a-reservation-id")))
        .isEqualTo(Handled.UNKNOWN_RESERVATION);
    assertThat(storage.eventCount(tenant)).isEqualTo(before);
  }

  @Test
  void a_refund_notice_completes_the_refund_owed_for_its_transaction_in_any_tenant() {
    TenantId other = newTenant();
    String id = booked(other, "A-1");
    service.cancel(other, id, null);
    payments.refundAnswer = new RefundResult.Unknown("lost");
    notices.handle(charged(id));
    List<PendingRefund> owed = storage.refunds().owedFor(txn);
    assertThat(owed).hasSize(1);

    assertThat(notices.handle(new PaymentNotice.Refunded(txn, "rf-1")))
        .isEqualTo(Handled.REFUND_COMPLETED);
    assertThat(notices.handle(new PaymentNotice.Refunded(txn, "rf-1"))).isEqualTo(Handled.IGNORED);
    assertThat(notices.handle(new PaymentNotice.Refunded("txn-never-ours-" + txn, "rf-2")))
        .isEqualTo(Handled.IGNORED);

    assertThat(storage.refunds().owedFor(txn)).isEmpty();
    assertThat(service.events(other, id).getLast().type().name()).isEqualTo("REFUND_COMPLETED");
  }

  private PaymentNotice charged(String reservationId) {
    return new PaymentNotice.Charged(txn, reservationId, new BigDecimal("7.50"));
  }

  private String booked(TenantId owner, String spot) {
    return service
        .create(owner, USER, spot, Fixtures.T0.plus(Duration.ofDays(1)).toString(), 2, 7.5)
        .id()
        .toString();
  }

  private List<StoredEvent> events(String id) {
    return service.events(tenant, id);
  }

  private List<String> types(String id) {
    return events(id).stream().map(e -> e.type().name()).toList();
  }
}
