package com.parkora.reservation.contract;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A payment gateway for tests: approves or declines as told, and remembers every call; a second
 * refund of a transaction is refused as the payment service refuses it.
 */
public final class ScriptedPayments implements PaymentGateway {

  private final AtomicBoolean approve = new AtomicBoolean(true);
  private final List<UUID> charged = new CopyOnWriteArrayList<>();
  private final List<String> refunded = new CopyOnWriteArrayList<>();

  public void approve(boolean value) {
    approve.set(value);
  }

  public List<UUID> charged() {
    return charged;
  }

  public List<String> refunded() {
    return refunded;
  }

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    charged.add(reservationId);
    return approve.get()
        ? new ChargeResult.Charged("txn-" + charged.size() + "-" + reservationId, "ok")
        : new ChargeResult.Declined("CARD_DECLINED", "Card declined");
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    if (refunded.contains(transactionId)) { // as the payment service answers a second refund
      return new RefundResult.Refused(
          "PAYMENT_ALREADY_REFUNDED",
          "Payment has already been refunded",
          "refund-" + transactionId);
    }
    refunded.add(transactionId);
    return new RefundResult.Refunded("refund-" + transactionId, "refunded");
  }
}
