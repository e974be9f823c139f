package com.parkora.reservation.domain;

import java.util.Set;

/**
 * What a refused {@code RefundPayment} means: the one place that says which refusals another try
 * can change. The codes are the payment service's ({@code payment_servicer.py} in
 * sample-unwind/payment-service, its {@code ERROR_CODES} and {@code RefundPayment}), and the gRPC
 * status names a refusing call fails with (docs/payments.md).
 */
public enum RefundRefusal {
  /**
   * {@code PAYMENT_ALREADY_REFUNDED} naming a refund id: an earlier try refunded (its answer was
   * lost); the refund is complete with that id.
   */
  ALREADY_REFUNDED,
  /** Another try would get the same answer: no more tries; an operator resolves it. */
  PERMANENT,
  /** Worth another try after a backoff (the payment service's own trouble, an unknown code). */
  PASSING;

  public static final String PAYMENT_ALREADY_REFUNDED = "PAYMENT_ALREADY_REFUNDED";

  /**
   * From {@code RefundPayment}: {@code INVALID_REQUEST} (a field missing, a transaction id that is
   * not a UUID, an amount larger than the payment), {@code PAYMENT_NOT_FOUND} (no such transaction,
   * or another tenant's), {@code REFUND_NOT_ALLOWED} (the payment did not complete), {@code
   * PAYMENT_ALREADY_REFUNDED} without a refund id; and the gRPC statuses that refuse a request as
   * it is. {@code INTERNAL_ERROR} (its database failed) and anything else are passing.
   */
  static final Set<String> PERMANENT_CODES =
      Set.of(
          "INVALID_REQUEST",
          "PAYMENT_NOT_FOUND",
          "REFUND_NOT_ALLOWED",
          PAYMENT_ALREADY_REFUNDED,
          "INVALID_ARGUMENT",
          "NOT_FOUND",
          "FAILED_PRECONDITION",
          "OUT_OF_RANGE",
          "ALREADY_EXISTS",
          "UNIMPLEMENTED");

  /** The meaning of a refusal with {@code errorCode}, naming {@code refundId} (blank: none). */
  public static RefundRefusal of(String errorCode, String refundId) {
    if (PAYMENT_ALREADY_REFUNDED.equals(errorCode) && refundId != null && !refundId.isBlank()) {
      return ALREADY_REFUNDED;
    }
    return errorCode != null && PERMANENT_CODES.contains(errorCode) ? PERMANENT : PASSING;
  }
}
