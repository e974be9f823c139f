package com.parkora.reservation.port;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the payment service tells of its own accord (docs/notifications.md): a charge it made, or a
 * refund it made. Neither names a tenant; a charge names the reservation, a refund only the
 * transaction.
 */
public sealed interface PaymentNotice {

  /** The transaction the notice is about; never blank. */
  String transactionId();

  /**
   * {@code payment.processed}: the payment service charged {@code transactionId} for the
   * reservation.
   *
   * @param reservationId as the message carries it; a value that is no reservation id is answered
   *     as an unknown reservation
   * @param amount what was charged, when the message says
   */
  record Charged(String transactionId, String reservationId, BigDecimal amount)
      implements PaymentNotice {
    public Charged {
      Objects.requireNonNull(transactionId, "transactionId");
      Objects.requireNonNull(reservationId, "reservationId");
    }
  }

  /** {@code payment.refunded}: the payment service refunded {@code transactionId}. */
  record Refunded(String transactionId, String refundId) implements PaymentNotice {
    public Refunded {
      Objects.requireNonNull(transactionId, "transactionId");
      Objects.requireNonNull(refundId, "refundId");
    }
  }
}
