package com.parkora.reservation.app;

import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Charges a PENDING reservation through the payment service and confirms it. The charge is made
 * with no unit of work open. Payment outcomes are answers, not errors. When two payments race, the
 * one that loses is refunded, so the reservation is paid once.
 */
final class PaymentFlow {

  private final CommandLoop loop;
  private final CommandClock clock;
  private final PaymentGateway payments;

  PaymentFlow(CommandLoop loop, CommandClock clock, PaymentGateway payments) {
    this.loop = loop;
    this.clock = clock;
    this.payments = payments;
  }

  PaymentOutcome pay(TenantId tenant, String rawId) {
    Optional<ReservationId> id = ReservationId.lookup(rawId);
    Optional<Reservation> before = id.flatMap(target -> loop.load(tenant, target));
    if (before.isEmpty()) {
      return PaymentOutcome.failed(
          PaymentOutcome.RESERVATION_NOT_FOUND, "Reservation " + Inputs.clip(rawId) + " not found");
    }
    Reservation state = before.get();
    if (state.status() == ReservationStatus.CONFIRMED && state.transactionId() != null) {
      return PaymentOutcome.paid(state.transactionId(), "Reservation is already paid");
    }
    if (!state.isPayable()) {
      return PaymentOutcome.failed(
          PaymentOutcome.INVALID_STATUS, "Cannot pay a reservation that is " + state.status());
    }
    PaymentGateway.Charge charge;
    try {
      charge = payments.charge(tenant, state.id(), state.userId(), state.totalCost());
    } catch (ReservationException.DependencyUnavailable e) {
      return PaymentOutcome.failed(
          PaymentOutcome.SERVICE_UNAVAILABLE, "Payment service unavailable: " + e.getMessage());
    }
    return charge.success() ? settle(tenant, id.get(), charge) : declined(tenant, id.get(), charge);
  }

  private PaymentOutcome declined(TenantId tenant, ReservationId id, PaymentGateway.Charge charge) {
    String code =
        charge.errorCode() == null || charge.errorCode().isBlank()
            ? PaymentOutcome.PAYMENT_DECLINED
            : charge.errorCode();
    String message = charge.message() == null ? "Payment declined" : charge.message();
    try {
      loop.decide(tenant, id, s -> s.recordPaymentFailure(code, message, clock.now()));
    } catch (ReservationException.InvalidState ignored) {
      // the reservation moved on meanwhile; the failed attempt changes nothing
    }
    return PaymentOutcome.failed(code, message);
  }

  private PaymentOutcome settle(TenantId tenant, ReservationId id, PaymentGateway.Charge charge) {
    try {
      loop.decide(tenant, id, s -> s.recordPayment(charge.transactionId(), clock.now()));
      return PaymentOutcome.paid(charge.transactionId(), "Payment processed");
    } catch (ReservationException e) {
      refundQuietly(
          tenant, charge.transactionId(), "reservation no longer payable: " + e.getMessage());
      return PaymentOutcome.failed(
          PaymentOutcome.INVALID_STATUS, "Payment was refunded: " + e.getMessage());
    }
  }

  private void refundQuietly(TenantId tenant, String transactionId, String reason) {
    try {
      payments.refund(tenant, transactionId, BigDecimal.ZERO, reason);
    } catch (ReservationException e) {
      // the payment service reconciles charges without a confirmed reservation
    }
  }
}
