package com.parkora.reservation.app;

import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.RefundRefusal;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.PaymentGateway.RefundResult;
import com.parkora.reservation.port.RefundQueue.PendingRefund;
import com.parkora.reservation.port.Storage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the refunds the store holds: once right after the transaction that owed them commits, then
 * by the refund worker with backoff until the payment service refunds. Each refund is leased from
 * the queue before it is sent, so one instance sends it at a time, with no transaction open.
 */
record RefundFlow(
    CommandLoop loop,
    CommandClock clock,
    PaymentGateway paymentGateway,
    Storage storage, // its refund queue, asked when used
    Duration lease,
    Backoff backoff) {

  private static final System.Logger LOG = System.getLogger(RefundFlow.class.getName());

  /** Refunds are owed only where there is a payment service to send them to. */
  boolean enabled() {
    return paymentGateway != PaymentGateway.NONE;
  }

  /** A first try right after commit; a failure is left to the worker. */
  void sendNow(TenantId tenant, String transactionId) {
    try {
      storage.refunds().take(tenant, transactionId, clock.now(), lease).ifPresent(this::send);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "refund of " + transactionId + " not sent now; the refund worker retries: " + e,
          e);
    }
  }

  /** Sends up to {@code limit} due refunds; answers how many were taken. */
  int sendDue(int limit) {
    List<PendingRefund> due = storage.refunds().takeDue(clock.now(), lease, limit);
    for (PendingRefund refund : due) {
      try {
        send(refund);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "refund of " + refund.transactionId() + " failed; retried when its lease ends: " + e,
            e);
      }
    }
    return due.size();
  }

  long pending() {
    return storage.refunds().pending();
  }

  private void send(PendingRefund refund) {
    RefundResult result =
        paymentGateway.refund(
            refund.tenant(), refund.transactionId(), BigDecimal.ZERO, refund.reason());
    Instant now = clock.now();
    switch (result) {
      case RefundResult.Refunded done -> completed(refund, done.refundId(), now);
      case RefundResult.Refused refused -> {
        switch (RefundRefusal.of(refused.errorCode(), refused.refundId())) {
          case ALREADY_REFUNDED -> completed(refund, refused.refundId(), now);
          case PERMANENT -> refused(refund, refused.errorCode(), refused.message(), now);
          case PASSING -> failed(refund, refused.errorCode(), refused.message());
        }
      }
      case RefundResult.Unavailable down -> failed(refund, "SERVICE_UNAVAILABLE", down.reason());
      case RefundResult.Unknown unknown -> failed(refund, "UNKNOWN", unknown.reason());
    }
  }

  private void completed(PendingRefund refund, String refundId, Instant now) {
    loop.decideStateEvenIfDeleted(
        refund.tenant(),
        new ReservationId(refund.reservationId()),
        s -> new PaymentDecisions(s).refunded(refund.transactionId(), refundId, now));
  }

  /** Retrying cannot change the answer: no next attempt; an operator resolves it. */
  private void refused(PendingRefund refund, String code, String message, Instant now) {
    LOG.log(
        System.Logger.Level.WARNING,
        "refund of "
            + refund.transactionId()
            + " refused for good (attempt "
            + refund.attempts()
            + "): "
            + code
            + " "
            + message
            + "; it waits for an operator (reservation payments refund)");
    loop.decideStateEvenIfDeleted(
        refund.tenant(),
        new ReservationId(refund.reservationId()),
        s ->
            new PaymentDecisions(s)
                .refundRefused(refund.transactionId(), refund.attempts(), code, message, now));
  }

  private void failed(PendingRefund refund, String code, String message) {
    Instant now = clock.now();
    Instant next = now.plus(backoff.after(refund.attempts()));
    LOG.log(
        System.Logger.Level.WARNING,
        "refund of "
            + refund.transactionId()
            + " failed (attempt "
            + refund.attempts()
            + "): "
            + code
            + " "
            + message
            + "; next attempt at "
            + next);
    loop.decideStateEvenIfDeleted(
        refund.tenant(),
        new ReservationId(refund.reservationId()),
        s ->
            new PaymentDecisions(s)
                .refundFailed(refund.transactionId(), refund.attempts(), code, message, next, now));
  }

  /**
   * How long a failed refund waits: {@code first}, doubling with each failure up to {@code max}.
   */
  record Backoff(Duration first, Duration max) {

    /** The wait after {@code attempts} failed attempts. */
    Duration after(int attempts) {
      int doublings = Math.max(0, Math.min(attempts - 1, 20));
      Duration wait = first.multipliedBy(1L << doublings);
      return wait.compareTo(max) > 0 ? max : wait;
    }
  }
}
