package com.parkora.reservation.app;

import com.parkora.reservation.port.UnitOfWork;

/**
 * Keeps the answer of a request sent with an {@code Idempotency-Key}. A command acting for such a
 * request hands its result to {@link #keep} inside the unit of work that records its final events,
 * so the answer commits with them; a command that reached no decision says so through {@link
 * #undecided}, and nothing is kept.
 */
public interface AnswerRecorder {

  /** Keeps nothing: requests without a key. */
  AnswerRecorder NONE =
      new AnswerRecorder() {
        @Override
        public void keep(UnitOfWork uow, Object result) {}

        @Override
        public void undecided() {}
      };

  /**
   * Called in the unit of work that records the command's final events, with what the command
   * answers ({@link com.parkora.reservation.port.ReservationView}, {@link PaymentOutcome}, {@link
   * DeleteOutcome}); may run again when the unit of work is retried.
   */
  void keep(UnitOfWork uow, Object result);

  /** The command answers without a decision (a dependency did not answer): keep nothing. */
  void undecided();
}
