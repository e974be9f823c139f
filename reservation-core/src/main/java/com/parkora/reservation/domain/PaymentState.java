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
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a reservation's stream says about money: the charge attempt that holds the claim (at most
 * one), whether its outcome is unknown, how the last attempt ended, and the refunds owed and made.
 * Folded from the events like the rest of the state.
 *
 * @param attempt the open attempt, or null when nobody is charging
 * @param claimedAt when the open attempt claimed the right to charge
 * @param unknown the open attempt's request left and no answer came back
 * @param last how the last closed attempt ended, for pays that waited on it
 */
public record PaymentState(
    UUID attempt,
    Instant claimedAt,
    boolean unknown,
    Ending last,
    Set<String> refundsRequested,
    Set<String> refundsCompleted) {

  public static final PaymentState NONE =
      new PaymentState(null, null, false, null, Set.of(), Set.of());

  /** How an attempt ended: a transaction when it charged, else the code and message answered. */
  public record Ending(UUID attempt, String transactionId, String code, String message) {}

  public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
  public static final String REFUNDED = "REFUNDED";

  public PaymentState {
    refundsRequested = Set.copyOf(refundsRequested);
    refundsCompleted = Set.copyOf(refundsCompleted);
  }

  /** An attempt holds the claim and no outcome was recorded for it. */
  public boolean isOpen() {
    return attempt != null;
  }

  /**
   * Unsettled: the outcome is recorded as unknown, or the claim is older than any call can take
   * (the instance making it stopped before recording what happened).
   */
  public boolean isUnsettled(Instant now, Duration callLimit) {
    return attempt != null && (unknown || !claimedAt.plus(callLimit).isAfter(now));
  }

  public boolean refundOwed(String transactionId) {
    return refundsRequested.contains(transactionId) && !refundsCompleted.contains(transactionId);
  }

  PaymentState evolve(ReservationEvent event) {
    return switch (event) {
      case PaymentClaimed e ->
          new PaymentState(
              e.attemptId(), e.occurredAt(), false, last, refundsRequested, refundsCompleted);
      case PaymentOutcomeUnknown e ->
          e.attemptId().equals(attempt)
              ? new PaymentState(attempt, claimedAt, true, last, refundsRequested, refundsCompleted)
              : this;
      case PaymentReleased e -> closed(new Ending(attempt, null, SERVICE_UNAVAILABLE, e.reason()));
      case PaymentSettled e ->
          e.transactionId() == null
              ? closed(new Ending(attempt, null, SERVICE_UNAVAILABLE, "settled: nothing charged"))
              : closed(new Ending(attempt, e.transactionId(), null, "settled"));
      case PaymentFailed e -> closed(new Ending(attempt, null, e.errorCode(), e.message()));
      case PaymentProcessed e ->
          closed(new Ending(attempt, e.transactionId(), null, "Payment processed"));
      case ReservationConfirmed e ->
          e.transactionId() == null
              ? this
              : closed(new Ending(attempt, e.transactionId(), null, "Payment processed"));
      case RefundRequested e -> refunding(e.transactionId(), e.attemptId());
      case RefundCompleted e -> refunded(e.transactionId());
      case RefundFailed e -> this;
      case ReservationEvent.RefundRefused e -> this;
      case ReservationEvent.ReservationCreated e -> this;
      case ReservationEvent.ReservationCancelled e -> this;
      case ReservationEvent.ReservationCompleted e -> this;
      case ReservationEvent.ReservationExpired e -> this;
      case ReservationEvent.ReservationDeleted e -> this;
    };
  }

  private PaymentState closed(Ending ending) {
    return new PaymentState(null, null, false, ending, refundsRequested, refundsCompleted);
  }

  /** A refund that names the open attempt closes it: the attempt charged, too late. */
  private PaymentState refunding(String transactionId, UUID forAttempt) {
    Set<String> requested = new HashSet<>(refundsRequested);
    requested.add(transactionId);
    if (forAttempt == null || !forAttempt.equals(attempt)) {
      return new PaymentState(attempt, claimedAt, unknown, last, requested, refundsCompleted);
    }
    Ending ending = new Ending(attempt, transactionId, REFUNDED, "charged too late, refunded");
    return new PaymentState(null, null, false, ending, requested, refundsCompleted);
  }

  private PaymentState refunded(String transactionId) {
    Set<String> completed = new HashSet<>(refundsCompleted);
    completed.add(transactionId);
    return new PaymentState(attempt, claimedAt, unknown, last, refundsRequested, completed);
  }
}
