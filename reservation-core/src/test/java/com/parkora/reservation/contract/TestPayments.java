package com.parkora.reservation.contract;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A payment gateway for tests: charges answer what {@link #charges} holds next (a charge with a
 * fresh transaction when empty); refunds answer {@link #refundAnswer}, or succeed and are
 * remembered.
 */
public final class TestPayments implements PaymentGateway {

  public final Deque<ChargeResult> charges = new ConcurrentLinkedDeque<>();
  public final List<String> refunded = new CopyOnWriteArrayList<>();
  public volatile RefundResult refundAnswer;

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    ChargeResult next = charges.poll();
    return next == null ? new ChargeResult.Charged("txn-" + UUID.randomUUID(), "ok") : next;
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    RefundResult answer = refundAnswer;
    if (answer != null) {
      return answer;
    }
    refunded.add(transactionId);
    return new RefundResult.Refunded("refund-" + transactionId, "ok");
  }
}
