package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The payment service (docs/payments.md). Called with no transaction open. Outcomes are values: a
 * caller tells a charge that certainly did not happen ({@link ChargeResult.Unavailable}) from one
 * that may have happened ({@link ChargeResult.Unknown}), since the payment service has no
 * idempotency key and a second call would charge again.
 */
public interface PaymentGateway {

  /** Used while no payment service is configured: every call is unavailable. */
  PaymentGateway NONE =
      new PaymentGateway() {
        @Override
        public ChargeResult charge(
            TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
          return new ChargeResult.Unavailable("No payment service is configured");
        }

        @Override
        public RefundResult refund(
            TenantId tenant, String transactionId, BigDecimal amount, String reason) {
          return new RefundResult.Unavailable("No payment service is configured");
        }
      };

  /** Charges a reservation in EUR (one {@code ProcessPayment} call at most). */
  ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount);

  /** Refunds a transaction; {@code amount} zero refunds it in full. */
  RefundResult refund(TenantId tenant, String transactionId, BigDecimal amount, String reason);

  /** What became of a charge. */
  sealed interface ChargeResult {

    /** The payment service charged; {@code transactionId} is never blank. */
    record Charged(String transactionId, String message) implements ChargeResult {}

    /** The payment service refused to charge, with its own code and message. */
    record Declined(String errorCode, String message) implements ChargeResult {}

    /** The request never reached the payment service: nothing was charged. */
    record Unavailable(String reason) implements ChargeResult {}

    /** The request left, but no answer came back: the charge may or may not have happened. */
    record Unknown(String reason) implements ChargeResult {}
  }

  /** What became of a refund; anything but {@link Refunded} is worth another try later. */
  sealed interface RefundResult {

    record Refunded(String refundId, String message) implements RefundResult {}

    /**
     * The payment service answered {@code success=false}. {@code refundId} is what it named (blank:
     * none): a repeated refund names the first one (docs/payments.md).
     */
    record Refused(String errorCode, String message, String refundId) implements RefundResult {

      public Refused(String errorCode, String message) {
        this(errorCode, message, "");
      }

      public Refused {
        refundId = refundId == null ? "" : refundId;
      }
    }

    record Unavailable(String reason) implements RefundResult {}

    record Unknown(String reason) implements RefundResult {}
  }
}
