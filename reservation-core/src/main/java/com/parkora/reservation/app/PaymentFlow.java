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
    return switch (payments.charge(tenant, state.id(), state.userId(), state.totalCost())) {
      case PaymentGateway.ChargeResult.Charged charged -> settle(tenant, id.get(), charged);
      case PaymentGateway.ChargeResult.Declined declined -> declined(tenant, id.get(), declined);
      case PaymentGateway.ChargeResult.Unavailable unavailable ->
          PaymentOutcome.failed(
              PaymentOutcome.SERVICE_UNAVAILABLE,
              "Payment service unavailable: " + unavailable.reason());
      case PaymentGateway.ChargeResult.Unknown unknown ->
          PaymentOutcome.failed(
              PaymentOutcome.SERVICE_UNAVAILABLE, "Payment outcome unknown: " + unknown.reason());
    };
  }

  private PaymentOutcome declined(
      TenantId tenant, ReservationId id, PaymentGateway.ChargeResult.Declined declined) {
    String code =
        declined.errorCode() == null || declined.errorCode().isBlank()
            ? PaymentOutcome.PAYMENT_DECLINED
            : declined.errorCode();
    String message = declined.message() == null ? "Payment declined" : declined.message();
    try {
      loop.decide(tenant, id, s -> s.recordPaymentFailure(code, message, clock.now()));
    } catch (ReservationException.InvalidState ignored) {
      // the reservation moved on meanwhile; the failed attempt changes nothing
    }
    return PaymentOutcome.failed(code, message);
  }

  private PaymentOutcome settle(
      TenantId tenant, ReservationId id, PaymentGateway.ChargeResult.Charged charge) {
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
    payments.refund(tenant, transactionId, BigDecimal.ZERO, reason);
  }
}
