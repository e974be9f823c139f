package com.parkora.reservation.domain;

import java.util.Objects;

/** A validated request to cancel a reservation, with an optional free-text reason. */
public record CancelReservation(ReservationId id, String reason) {

  public static final int MAX_REASON_LENGTH = 1000;

  public CancelReservation {
    Objects.requireNonNull(id, "id");
  }

  /** Validates raw client input. */
  public static CancelReservation parse(String id, String reason) {
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      throw new ReservationException.InvalidInput(
          "reason", "reason must be at most " + MAX_REASON_LENGTH + " characters");
    }
    Inputs.storable("reason", reason);
    return new CancelReservation(ReservationId.parse(id), reason);
  }
}
