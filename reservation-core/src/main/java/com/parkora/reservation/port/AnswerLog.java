package com.parkora.reservation.port;

/** Where a unit of work keeps the answer of the request whose events it records. */
@FunctionalInterface
public interface AnswerLog {

  /**
   * Keeps {@code answer} in the unit of work's transaction.
   *
   * @throws com.parkora.reservation.domain.ReservationException.IdempotencyInProgress when the
   *     request's claim of the key is not held any more: the unit of work rolls back
   */
  void keep(KeptAnswer answer);
}
