package com.parkora.reservation.app;

import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.PaymentState;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.parkora.reservation.port.RefundQueue.RefusedRefund;
import com.parkora.reservation.port.ReservationView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Settling what the payment flow could not know, and the refunds it owes: for the operator's {@code
 * payments settle}, the admin listing, the refund worker and a consumer of the payment service's
 * own events.
 */
public final class PaymentAdministration {

  /** The {@code error_code} of the {@code REFUND_FAILED} that puts a refused refund back. */
  public static final String RETRY_REQUESTED = "RETRY_REQUESTED";

  /**
   * Claims older than this are listed as unsettled only when their outcome was recorded. A claim
   * left without an outcome is recorded as unknown by the next pay or by the expiry sweep (every 30
   * s) once it is older than a call can take, so an unrecorded claim is minutes old at most; a day
   * bounds the scan with room for every instance having been down that long.
   */
  private static final Duration RECENT_CLAIMS = Duration.ofDays(1);

  private final ServiceParts parts;
  private final CommandLoop loop;

  /** Acts for the payment administration, whoever asked. */
  PaymentAdministration(ServiceParts parts) {
    this.parts = parts;
    this.loop = parts.loop(Actor.system("payments"));
  }

  /**
   * Settles the reservation's unknown payment outcome: {@code transactionId} charged (the
   * reservation is confirmed with it, or refunded when it no longer needs it), or null when nothing
   * was charged (it can be paid again).
   *
   * @param source who knows: {@code operator}, {@code payment-service}
   * @throws ReservationException.InvalidState when no payment outcome waits
   */
  public ReservationView settle(TenantId tenant, String id, String transactionId, String source) {
    String txn = transactionId == null ? null : transaction(transactionId);
    return owingRefunds(
        tenant,
        id,
        txn,
        s -> new PaymentDecisions(s).settle(txn, Inputs.clip(source), parts.clock.now()));
  }

  /** The tenant's charges whose outcome is unknown, oldest claim first. */
  public List<UnsettledPayment> unsettled(TenantId tenant) {
    Instant now = parts.clock.now();
    Set<UUID> candidates = new LinkedHashSet<>();
    parts.storage.inTransaction(
        tenant,
        uow -> {
          candidates.addAll(
              uow.events().streamsWith(EventType.PAYMENT_OUTCOME_UNKNOWN, Instant.EPOCH));
          candidates.addAll(
              uow.events().streamsWith(EventType.PAYMENT_CLAIMED, now.minus(RECENT_CLAIMS)));
          return null;
        });
    return candidates.stream()
        .map(id -> loop.load(tenant, new ReservationId(id)))
        .flatMap(Optional::stream)
        .filter(r -> r.payment().isUnsettled(now, parts.callLimit))
        .map(PaymentAdministration::unsettled)
        .sorted(Comparator.comparing(UnsettledPayment::claimedAt))
        .toList();
  }

  /**
   * Applies the payment service's own events (docs/notifications.md): settles unknown outcomes with
   * the charges it reports, refunds the charges no reservation needs, and records the refunds it
   * reports as made.
   */
  public PaymentNoticeHandler notices() {
    return new PaymentNotices(parts.storage, loop, parts.clock, parts.refunds);
  }

  /** Sends up to {@code limit} refunds that are due; answers how many were taken. */
  public int sendDueRefunds(int limit) {
    return parts.refunds.sendDue(limit);
  }

  /** Refunds that wait to be sent, across tenants. */
  public long pendingRefunds() {
    return parts.refunds.pending();
  }

  /** The tenant's refunds the payment service refused for good: they wait for an operator. */
  public List<RefusedRefund> refusedRefunds(TenantId tenant) {
    return parts.storage.refunds().refused(tenant);
  }

  /** Refunds that wait for an operator, across tenants. */
  public long refusedRefundCount() {
    return parts.storage.refunds().refusedCount();
  }

  /**
   * An operator resolves a refund the payment service refused for good: {@code refundId} when it
   * was refunded after all (found in the payment service, or refunded by other means: the refund is
   * complete with that id), or null to send it again now (the cause was fixed).
   *
   * @throws ReservationException.InvalidInput when no refused refund of that transaction waits for
   *     the reservation
   */
  public ReservationView resolveRefund(
      TenantId tenant, String id, String transactionId, String refundId) {
    String txn = transaction(transactionId);
    ReservationId reservation = ReservationId.parse(id);
    boolean refused =
        refusedRefunds(tenant).stream()
            .anyMatch(
                r ->
                    r.reservationId().equals(reservation.value()) && r.transactionId().equals(txn));
    if (!refused) {
      throw new ReservationException.InvalidInput(
          "transactionId",
          "no refused refund of transaction " + txn + " waits for reservation " + id);
    }
    Instant now = parts.clock.now();
    Function<Reservation, List<ReservationEvent>> decision =
        refundId == null
            ? s ->
                new PaymentDecisions(s)
                    .refundFailed(
                        txn, 0, RETRY_REQUESTED, "an operator asked to send it again", now, now)
            : s -> new PaymentDecisions(s).refunded(txn, identifier("refundId", refundId), now);
    Reservation after = loop.decideStateEvenIfDeleted(tenant, reservation, decision);
    if (after.payment().refundOwed(txn)) {
      parts.refunds.sendNow(tenant, txn);
    }
    return ReservationView.of(after);
  }

  private ReservationView owingRefunds(
      TenantId tenant,
      String id,
      String txn,
      Function<Reservation, List<ReservationEvent>> decision) {
    Reservation after = loop.decideState(tenant, ReservationId.parse(id), decision);
    if (txn != null && after.payment().refundOwed(txn)) {
      parts.refunds.sendNow(tenant, txn);
    }
    return ReservationView.of(after);
  }

  private static UnsettledPayment unsettled(Reservation r) {
    PaymentState p = r.payment();
    return new UnsettledPayment(
        r.id(), p.attempt(), p.claimedAt(), r.totalCost(), r.status(), p.unknown());
  }

  static String transaction(String raw) {
    return identifier("transactionId", raw);
  }

  private static String identifier(String field, String raw) {
    Inputs.printable(field, raw);
    if (raw == null || raw.isBlank() || raw.trim().length() > 255) {
      throw new ReservationException.InvalidInput(field, field + " must be 1 to 255 characters");
    }
    return raw.trim();
  }
}
