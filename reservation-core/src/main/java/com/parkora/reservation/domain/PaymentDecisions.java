package com.parkora.reservation.domain;

import com.parkora.reservation.domain.ReservationEvent.PaymentClaimed;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentOutcomeUnknown;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.PaymentReleased;
import com.parkora.reservation.domain.ReservationEvent.PaymentSettled;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundFailed;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reservation's decisions about money, pure like the others: claiming the right to charge,
 * recording what a charge came to, settling an unknown outcome, and owing, failing and completing
 * refunds. An answer that concerns an attempt other than the open one changes nothing.
 */
public final class PaymentDecisions {

  private final Reservation state;
  private final PaymentState payment;

  public PaymentDecisions(Reservation state) {
    this.state = state;
    this.payment = state.payment();
  }

  /** Claims the right to charge; nothing when another attempt holds it. */
  public List<ReservationEvent> claim(UUID attempt, Instant now) {
    if (payment.isOpen()) {
      return List.of();
    }
    if (!state.isPayable()) {
      throw new ReservationException.InvalidState(state.status(), "pay");
    }
    return List.of(new PaymentClaimed(state.id(), attempt, state.totalCost(), now));
  }

  /**
   * The payment service charged. Already paid with this very transaction (the payment service's own
   * confirmation came first): nothing; still payable: the payment; moved on (cancelled, expired,
   * paid otherwise): the charge is owed back.
   */
  public List<ReservationEvent> charged(UUID attempt, String transactionId, Instant now) {
    if (state.isPaidWith(transactionId)) {
      return List.of();
    }
    if (state.isPayable()) {
      return List.of(new PaymentProcessed(state.id(), transactionId, now));
    }
    if (payment.refundsRequested().contains(transactionId)) {
      return List.of();
    }
    String reason = "charged after the reservation was " + state.status();
    return List.of(
        new RefundRequested(
            state.id(), transactionId, state.totalCost(), reason, openOrNull(attempt), now));
  }

  public List<ReservationEvent> declined(
      UUID attempt, String errorCode, String message, Instant now) {
    if (!attempt.equals(payment.attempt())) {
      return List.of();
    }
    if (state.status() != ReservationStatus.PENDING) {
      return List.of(new PaymentReleased(state.id(), attempt, "declined: " + message, now));
    }
    return List.of(new PaymentFailed(state.id(), errorCode, message, now));
  }

  public List<ReservationEvent> unavailable(UUID attempt, String reason, Instant now) {
    return attempt.equals(payment.attempt())
        ? List.of(new PaymentReleased(state.id(), attempt, reason, now))
        : List.of();
  }

  public List<ReservationEvent> unknown(UUID attempt, String reason, Instant now) {
    return attempt.equals(payment.attempt()) && !payment.unknown()
        ? List.of(new PaymentOutcomeUnknown(state.id(), attempt, reason, now))
        : List.of();
  }

  /** A claim older than any call can take counts as unknown: its instance stopped meanwhile. */
  public List<ReservationEvent> abandoned(Instant now, Duration callLimit) {
    if (!payment.isOpen() || payment.unknown() || !payment.isUnsettled(now, callLimit)) {
      return List.of();
    }
    return unknown(payment.attempt(), "no outcome recorded within " + callLimit, now);
  }

  /**
   * Settles the open attempt from what the payment service's records say: {@code transactionId}
   * charged, or null for nothing charged.
   */
  public List<ReservationEvent> settle(String transactionId, String source, Instant now) {
    if (!payment.isOpen()) {
      throw new ReservationException.InvalidState(
          state.status(), "settle a payment (none waits) of");
    }
    PaymentSettled settled =
        new PaymentSettled(state.id(), payment.attempt(), transactionId, source, now);
    if (transactionId == null) {
      return List.of(settled);
    }
    if (state.isPaidWith(transactionId)) {
      return List.of(settled);
    }
    if (state.isPayable()) {
      return List.of(settled, new PaymentProcessed(state.id(), transactionId, now));
    }
    String reason = "settled after the reservation was " + state.status();
    return List.of(
        settled,
        new RefundRequested(state.id(), transactionId, state.totalCost(), reason, null, now));
  }

  /**
   * A charge of this reservation that it does not need (reported by the payment service): owed
   * back, unless it is the reservation's payment or already owed.
   */
  public List<ReservationEvent> unneeded(String transactionId, String reason, Instant now) {
    if (state.isPaidWith(transactionId) || payment.refundsRequested().contains(transactionId)) {
      return List.of();
    }
    return List.of(
        new RefundRequested(state.id(), transactionId, state.totalCost(), reason, null, now));
  }

  /**
   * The payment service reports, of its own accord, that it charged {@code transactionId} for this
   * reservation. An open attempt (its outcome unknown, or not recorded yet) is settled with it; the
   * reservation's own payment changes nothing; any other charge is one the reservation does not
   * need (it moved on, was deleted, is paid otherwise, or its payment ended as not charged) and is
   * owed back, once.
   */
  public List<ReservationEvent> reported(String transactionId, String source, Instant now) {
    if (!state.deleted() && payment.isOpen()) {
      return settle(transactionId, source, now);
    }
    return unneeded(
        transactionId,
        "charged (" + source + ") but not needed: the reservation " + standing(),
        now);
  }

  private String standing() {
    if (state.deleted()) {
      return "was deleted";
    }
    if (state.transactionId() != null && state.status().isActive()) {
      return "is paid with another transaction";
    }
    if (state.status().isActive()) {
      return "waits for no charge";
    }
    return "is " + state.status();
  }

  /** Cancelling a paid reservation owes its payment back, in the cancel's own transaction. */
  public List<ReservationEvent> refundOnCancel(String reason, Instant now) {
    String txn = state.transactionId();
    if (txn == null || payment.refundsRequested().contains(txn)) {
      return List.of();
    }
    String why = reason == null ? "reservation cancelled" : "reservation cancelled: " + reason;
    return List.of(new RefundRequested(state.id(), txn, state.totalCost(), why, null, now));
  }

  public List<ReservationEvent> refundFailed(
      String transactionId,
      int attempt,
      String errorCode,
      String message,
      Instant next,
      Instant now) {
    if (!payment.refundOwed(transactionId)) {
      return List.of();
    }
    return List.of(
        new RefundFailed(state.id(), transactionId, attempt, errorCode, message, next, now));
  }

  /** The payment service refused the refund for good: it waits for an operator. */
  public List<ReservationEvent> refundRefused(
      String transactionId, int attempt, String errorCode, String message, Instant now) {
    if (!payment.refundOwed(transactionId)) {
      return List.of();
    }
    return List.of(
        new ReservationEvent.RefundRefused(
            state.id(), transactionId, attempt, errorCode, message, now));
  }

  public List<ReservationEvent> refunded(String transactionId, String refundId, Instant now) {
    if (!payment.refundOwed(transactionId)) {
      return List.of();
    }
    return List.of(new RefundCompleted(state.id(), transactionId, refundId, now));
  }

  private UUID openOrNull(UUID attempt) {
    return attempt.equals(payment.attempt()) ? attempt : null;
  }
}
