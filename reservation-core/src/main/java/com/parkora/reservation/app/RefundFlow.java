package com.parkora.reservation.app;

import com.parkora.reservation.domain.PaymentDecisions;
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
final class RefundFlow {

  private static final System.Logger LOG = System.getLogger(RefundFlow.class.getName());

  private final CommandLoop loop;
  private final CommandClock clock;
  private final PaymentGateway payments;
  private final Storage storage; // its refund queue, asked when used
  private final Duration lease;
  private final Duration firstBackoff;
  private final Duration maxBackoff;

  RefundFlow(
      CommandLoop loop,
      CommandClock clock,
      PaymentGateway payments,
      Storage storage,
      Duration lease,
      Backoff backoff) {
    this.loop = loop;
    this.clock = clock;
    this.payments = payments;
    this.storage = storage;
    this.lease = lease;
    this.firstBackoff = backoff.first();
    this.maxBackoff = backoff.max();
  }

  /** Refunds are owed only where there is a payment service to send them to. */
  boolean enabled() {
    return payments != PaymentGateway.NONE;
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
        payments.refund(refund.tenant(), refund.transactionId(), BigDecimal.ZERO, refund.reason());
    ReservationId id = new ReservationId(refund.reservationId());
    Instant now = clock.now();
    switch (result) {
      case RefundResult.Refunded done ->
          loop.decideStateEvenIfDeleted(
              refund.tenant(),
              id,
              s -> new PaymentDecisions(s).refunded(refund.transactionId(), done.refundId(), now));
      case RefundResult.Refused refused -> failed(refund, refused.errorCode(), refused.message());
      case RefundResult.Unavailable down -> failed(refund, "SERVICE_UNAVAILABLE", down.reason());
      case RefundResult.Unknown unknown -> failed(refund, "UNKNOWN", unknown.reason());
    }
  }

  private void failed(PendingRefund refund, String code, String message) {
    Instant now = clock.now();
    Instant next = now.plus(backoff(refund.attempts()));
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
  record Backoff(Duration first, Duration max) {}

  /** Doubles from the first backoff with every attempt, up to the longest. */
  Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration wait = firstBackoff.multipliedBy(1L << doublings);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
