package com.parkora.reservation.domain;

import java.util.Objects;

/** A validated request to confirm a reservation, optionally naming its payment. */
public record ConfirmReservation(ReservationId id, String transactionId) {

  public static final int MAX_TRANSACTION_ID_LENGTH = 255;

  public ConfirmReservation {
    Objects.requireNonNull(id, "id");
  }

  /** Validates raw client input; a blank transaction id means none. */
  public static ConfirmReservation parse(String id, String transactionId) {
    Inputs.printable("transactionId", transactionId);
    String txn = transactionId == null || transactionId.isBlank() ? null : transactionId.trim();
    if (txn != null && txn.length() > MAX_TRANSACTION_ID_LENGTH) {
      throw new ReservationException.InvalidInput(
          "transactionId",
          "transactionId must be at most " + MAX_TRANSACTION_ID_LENGTH + " characters");
    }
    return new ConfirmReservation(ReservationId.parse(id), txn);
  }
}
