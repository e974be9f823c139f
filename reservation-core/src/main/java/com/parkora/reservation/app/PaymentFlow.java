package com.parkora.reservation.app;

import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.PaymentState;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.PaymentGateway.ChargeResult;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Charges a reservation at most once. The right to charge is claimed durably first (an event
 * appended with the expected version: a racing pay on any instance loses the version and sees the
 * claim), the payment service is called with no unit of work open, and the outcome is recorded
 * afterwards. A pay that finds a claim waits for its outcome and answers the same. An outcome that
 * cannot be known is recorded as such and answered {@code PAYMENT_PENDING} until it is settled.
 */
record PaymentFlow(
    CommandLoop loop,
    CommandClock clock,
    PaymentGateway paymentGateway,
    RefundFlow refunds,
    Supplier<UUID> ids,
    Duration callLimit) {

  private static final System.Logger LOG = System.getLogger(PaymentFlow.class.getName());

  PaymentOutcome pay(TenantId tenant, String rawId) {
    Optional<ReservationId> id = ReservationId.lookup(rawId);
    Optional<Reservation> before = id.flatMap(target -> loop.load(tenant, target));
    if (before.isEmpty()) {
      return PaymentOutcome.failed(
          PaymentOutcome.RESERVATION_NOT_FOUND, "Reservation " + Inputs.clip(rawId) + " not found");
    }
    Reservation state = before.get();
    Optional<PaymentOutcome> settled = answerWithoutCharging(tenant, id.get(), state);
    if (settled.isPresent()) {
      return settled.get();
    }
    if (paymentGateway == PaymentGateway.NONE) {
      loop.recorder().undecided();
      return PaymentOutcome.failed(
          PaymentOutcome.SERVICE_UNAVAILABLE, "No payment service is configured");
    }
    if (state.totalCost().signum() == 0) {
      return loop.decideAnswering(
          tenant,
          id.get(),
          s -> s.confirm(null, clock.now()),
          s -> PaymentOutcome.paid(null, "Nothing to pay: confirmed"));
    }
    return claimAndCharge(tenant, id.get());
  }

  private PaymentOutcome claimAndCharge(TenantId tenant, ReservationId id) {
    UUID attempt = ids.get();
    Reservation claimed;
    try {
      claimed =
          loop.decideState(tenant, id, s -> new PaymentDecisions(s).claim(attempt, clock.now()));
    } catch (ReservationException.InvalidState moved) {
      // A pay elsewhere claimed and finished between this one's load and its claim: answer as
      // that one ended (paid: its transaction), never with a second charge.
      return loop.load(tenant, id)
          .flatMap(now -> answerWithoutCharging(tenant, id, now))
          .orElseGet(
              () -> PaymentOutcome.failed(PaymentOutcome.INVALID_STATUS, moved.getMessage()));
    }
    if (!attempt.equals(claimed.payment().attempt())) {
      return claimed.payment().isOpen()
          ? awaitOutcome(tenant, id, claimed.payment().attempt())
          : answerFrom(claimed, null);
    }
    ChargeResult result =
        paymentGateway.charge(tenant, claimed.id(), claimed.userId(), claimed.totalCost());
    try {
      return record(tenant, id, attempt, result);
    } catch (RuntimeException cannotRecord) {
      LOG.log(
          System.Logger.Level.ERROR,
          "payment outcome of reservation "
              + claimed.id()
              + " ("
              + result
              + ") not recorded; it"
              + " stays unsettled until settled",
          cannotRecord);
      return PaymentOutcome.failed(
          PaymentOutcome.PAYMENT_PENDING,
          "The payment outcome could not be recorded; it will be settled");
    }
  }

  /**
   * The answer for a reservation that must not be charged now: a claim in progress (its outcome),
   * already paid (its transaction), or not payable; empty when it may be charged.
   */
  private Optional<PaymentOutcome> answerWithoutCharging(
      TenantId tenant, ReservationId id, Reservation state) {
    if (state.payment().isOpen()) {
      return Optional.of(awaitOutcome(tenant, id, state.payment().attempt()));
    }
    if (state.status() == ReservationStatus.CONFIRMED && state.isPaidWith(state.transactionId())) {
      return Optional.of(PaymentOutcome.paid(state.transactionId(), "Reservation is already paid"));
    }
    if (!state.isPayable()) {
      return Optional.of(
          PaymentOutcome.failed(
              PaymentOutcome.INVALID_STATUS, "Cannot pay a reservation that is " + state.status()));
    }
    return Optional.empty();
  }

  private PaymentOutcome record(
      TenantId tenant, ReservationId id, UUID attempt, ChargeResult result) {
    return switch (result) {
      case ChargeResult.Charged charged -> {
        Reservation[] after = new Reservation[1];
        PaymentOutcome outcome =
            loop.decideAnswering(
                tenant,
                id,
                s -> new PaymentDecisions(s).charged(attempt, charged.transactionId(), clock.now()),
                s -> {
                  after[0] = s;
                  return answerFrom(s, charged.transactionId());
                });
        if (after[0].payment().refundOwed(charged.transactionId())) {
          refunds.sendNow(tenant, charged.transactionId());
        }
        yield outcome;
      }
      case ChargeResult.Declined declined -> {
        String code =
            declined.errorCode() == null || declined.errorCode().isBlank()
                ? PaymentOutcome.PAYMENT_DECLINED
                : declined.errorCode();
        String message = declined.message() == null ? "Payment declined" : declined.message();
        yield loop.decideAnswering(
            tenant,
            id,
            s -> new PaymentDecisions(s).declined(attempt, code, message, clock.now()),
            s -> PaymentOutcome.failed(code, message));
      }
      case ChargeResult.Unavailable unavailable -> {
        loop.decide(
            tenant,
            id,
            s -> new PaymentDecisions(s).unavailable(attempt, unavailable.reason(), clock.now()));
        loop.recorder().undecided(); // nothing was charged: a retry may charge
        yield PaymentOutcome.failed(
            PaymentOutcome.SERVICE_UNAVAILABLE,
            "Payment service unavailable: " + unavailable.reason());
      }
      case ChargeResult.Unknown unknown -> {
        yield loop.decideAnswering(
            tenant,
            id,
            s -> new PaymentDecisions(s).unknown(attempt, unknown.reason(), clock.now()),
            s -> pending("The payment outcome is unknown (" + unknown.reason() + ")"));
      }
    };
  }

  /**
   * Waits, at most one call's length, for the attempt that holds the claim, then answers as it
   * ended. A claim older than a call can take is recorded as unknown.
   */
  private PaymentOutcome awaitOutcome(TenantId tenant, ReservationId id, UUID attempt) {
    long deadline = System.nanoTime() + callLimit.toNanos();
    while (true) {
      Reservation state =
          loop.load(tenant, id).orElseThrow(() -> new ReservationException.NotFound(id.value()));
      PaymentState payment = state.payment();
      if (!attempt.equals(payment.attempt())) {
        return answerFrom(state, null);
      }
      if (payment.unknown()) {
        return pending("The outcome of a payment is unknown; it waits to be settled");
      }
      if (payment.isUnsettled(clock.now(), callLimit)) {
        loop.decide(tenant, id, s -> new PaymentDecisions(s).abandoned(clock.now(), callLimit));
        return pending("A payment was left without an outcome; it waits to be settled");
      }
      if (System.nanoTime() > deadline) {
        return pending("A payment of this reservation is in progress");
      }
      sleep();
    }
  }

  /** The answer for a reservation whose attempt ended, as recorded. */
  private static PaymentOutcome answerFrom(Reservation state, String chargedAs) {
    if (state.status() == ReservationStatus.CONFIRMED && state.isPaidWith(state.transactionId())) {
      return PaymentOutcome.paid(state.transactionId(), "Payment processed");
    }
    PaymentState.Ending last = state.payment().last();
    if (chargedAs != null || last != null && PaymentState.REFUNDED.equals(last.code())) {
      return PaymentOutcome.failed(
          PaymentOutcome.INVALID_STATUS,
          "Payment was refunded: the reservation is " + state.status());
    }
    if (last != null && last.code() != null) {
      return PaymentOutcome.failed(last.code(), last.message());
    }
    return PaymentOutcome.failed(
        PaymentOutcome.INVALID_STATUS, "Cannot pay a reservation that is " + state.status());
  }

  private static PaymentOutcome pending(String message) {
    return PaymentOutcome.failed(PaymentOutcome.PAYMENT_PENDING, message);
  }

  /**
   * A racing pay (a double click, a retry) waits for one payment call, tens to hundreds of
   * milliseconds; the claim's holder may be another instance, so there is no signal to wait on. A
   * one-stream read every 20 ms answers soon after the outcome is recorded, at a negligible cost.
   */
  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReservationException.Internal("interrupted while waiting for a payment", e);
    }
  }
}
