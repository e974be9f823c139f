package com.parkora.reservation.port;

/**
 * Applies what the payment service tells (a {@link PaymentNotice}) to the reservations it concerns.
 * Idempotent: the same notice handled again, on this instance or another, changes nothing more, so
 * a consumer may deliver at least once. A failure to reach the store is thrown (and the notice may
 * be handled again later); a notice that names nothing known is answered, not thrown.
 */
@FunctionalInterface
public interface PaymentNoticeHandler {

  Handled handle(PaymentNotice notice);

  /** What handling a notice came to. */
  enum Handled {
    /** An unknown (or still open) payment outcome was settled with the notice's transaction. */
    SETTLED,
    /** The charge is one no reservation needs: a refund of it is owed (once). */
    REFUND_REQUESTED,
    /** A refund this service owed for the transaction is recorded as made. */
    REFUND_COMPLETED,
    /** Already known: the reservation's own payment, or a refund already owed or made. */
    DUPLICATE,
    /** A refund this service does not owe (it was recorded already, or was never ours). */
    IGNORED,
    /** The reservation the charge names is not stored under any tenant. */
    UNKNOWN_RESERVATION;

    /** The notice cannot be applied and should be kept aside for a person to look at. */
    public boolean rejected() {
      return this == UNKNOWN_RESERVATION;
    }
  }
}
