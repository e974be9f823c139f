package com.parkora.reservation.contract;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment gateway for tests: charges answer what {@link #charges} holds next (a charge with a
 * fresh transaction when empty); refunds answer {@link #refundAnswer} when set. Otherwise a refund
 * behaves as the real payment service's does ({@code payment_servicer.py}): the first refund of a
 * transaction succeeds with a new refund id and is remembered; every later one answers {@code
 * success=false}, {@code PAYMENT_ALREADY_REFUNDED} and the first refund id. With {@link
 * #loseRefundAnswers} the refund is made but its answer is lost on the way back.
 */
public final class TestPayments implements PaymentGateway {

  public static final String ALREADY_REFUNDED = "PAYMENT_ALREADY_REFUNDED";

  public final Deque<ChargeResult> charges = new ConcurrentLinkedDeque<>();
  public final List<String> refunded = new CopyOnWriteArrayList<>();
  public final AtomicInteger refundCalls = new AtomicInteger();
  public volatile RefundResult refundAnswer;
  public volatile boolean loseRefundAnswers;
  private final Map<String, String> refundIds = new ConcurrentHashMap<>();
  private final Map<String, Integer> callsByTransaction = new ConcurrentHashMap<>();

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    ChargeResult next = charges.poll();
    return next == null ? new ChargeResult.Charged("txn-" + UUID.randomUUID(), "ok") : next;
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    refundCalls.incrementAndGet();
    callsByTransaction.merge(transactionId, 1, Integer::sum);
    RefundResult answer = refundAnswer;
    if (answer != null) {
      return answer;
    }
    String first = refundIds.get(transactionId);
    if (first != null) {
      return new RefundResult.Refused(ALREADY_REFUNDED, "Payment has already been refunded", first);
    }
    String refundId = "refund-" + UUID.randomUUID();
    refundIds.put(transactionId, refundId);
    refunded.add(transactionId);
    return loseRefundAnswers
        ? new RefundResult.Unknown("DEADLINE_EXCEEDED: the answer was lost")
        : new RefundResult.Refunded(refundId, "Refund processed successfully");
  }

  /** How many times a refund of {@code transactionId} was asked for. */
  public int refundCallsOf(String transactionId) {
    return callsByTransaction.getOrDefault(transactionId, 0);
  }

  /** The refund id of the transaction's refund, once it was made. */
  public String refundIdOf(String transactionId) {
    return refundIds.get(transactionId);
  }
}
