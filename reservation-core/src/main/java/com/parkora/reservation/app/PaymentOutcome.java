package com.parkora.reservation.app;

/** The answer of {@code payReservation}: payment outcomes are values, never errors. */
public record PaymentOutcome(
    boolean success, String transactionId, String message, String errorCode) {

  public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";
  public static final String INVALID_STATUS = "INVALID_STATUS";
  public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
  public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

  /** A charge's outcome is unknown until settled: no new charge is made meanwhile. */
  public static final String PAYMENT_PENDING = "PAYMENT_PENDING";

  static PaymentOutcome paid(String transactionId, String message) {
    return new PaymentOutcome(true, transactionId, message, null);
  }

  static PaymentOutcome failed(String errorCode, String message) {
    return new PaymentOutcome(false, null, message, errorCode);
  }
}
