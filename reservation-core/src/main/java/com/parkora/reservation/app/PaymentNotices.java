package com.parkora.reservation.app;

import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.PaymentSettled;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentNotice;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.parkora.reservation.port.RefundQueue.PendingRefund;
import com.parkora.reservation.port.Storage;
import java.util.List;
import java.util.Optional;

/**
 * The payment service's own events applied to reservations. A charge finds its reservation's tenant
 * across tenants and is decided against the reservation as it stands, inside the command loop (a
 * racing pay or another instance handling the same notice loses the version and decides again): see
 * {@link PaymentDecisions#reported}. A refund finds the refunds owed for its transaction in the
 * store's refund queue and records each as made. Both are idempotent through the events.
 */
record PaymentNotices(Storage storage, CommandLoop loop, CommandClock clock, RefundFlow refunds)
    implements PaymentNoticeHandler {

  /** The {@code source} of what this records, as {@code PAYMENT_SETTLED} shows it. */
  static final String SOURCE = "payment-service";

  @Override
  public Handled handle(PaymentNotice notice) {
    return switch (notice) {
      case PaymentNotice.Charged charged -> charged(charged);
      case PaymentNotice.Refunded refunded -> refunded(refunded);
    };
  }

  private Handled charged(PaymentNotice.Charged notice) {
    Optional<ReservationId> id = ReservationId.lookup(notice.reservationId());
    Optional<TenantId> tenant = id.flatMap(known -> storage.tenantOf(known.value()));
    if (tenant.isEmpty()) {
      return Handled.UNKNOWN_RESERVATION;
    }
    String txn = PaymentAdministration.transaction(notice.transactionId());
    CommandLoop.Decided decided =
        loop.decidedEvenIfDeleted(
            tenant.get(),
            id.get(),
            state -> new PaymentDecisions(state).reported(txn, SOURCE, clock.now()));
    if (decided.state().payment().refundOwed(txn)) {
      refunds.sendNow(tenant.get(), txn);
    }
    return outcome(decided.events());
  }

  private Handled refunded(PaymentNotice.Refunded notice) {
    String txn = notice.transactionId();
    List<PendingRefund> owed = storage.refunds().owedFor(txn);
    boolean recorded = false;
    for (PendingRefund refund : owed) {
      CommandLoop.Decided decided =
          loop.decidedEvenIfDeleted(
              refund.tenant(),
              new ReservationId(refund.reservationId()),
              state -> new PaymentDecisions(state).refunded(txn, notice.refundId(), clock.now()));
      recorded |= decided.events().stream().anyMatch(RefundCompleted.class::isInstance);
    }
    return recorded ? Handled.REFUND_COMPLETED : Handled.IGNORED;
  }

  private static Handled outcome(List<ReservationEvent> decided) {
    if (decided.stream().anyMatch(RefundRequested.class::isInstance)) {
      return Handled.REFUND_REQUESTED;
    }
    if (decided.stream().anyMatch(PaymentSettled.class::isInstance)) {
      return Handled.SETTLED;
    }
    return Handled.DUPLICATE;
  }
}
