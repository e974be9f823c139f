package com.parkora.reservation.domain;

/** Lifecycle: PENDING -> CONFIRMED | CANCELLED | EXPIRED; CONFIRMED -> COMPLETED | CANCELLED. */
public enum ReservationStatus {
  PENDING,
  CONFIRMED,
  CANCELLED,
  COMPLETED,
  EXPIRED;

  /** Active reservations hold their spot: no other active reservation may overlap them. */
  public boolean isActive() {
    return this == PENDING || this == CONFIRMED;
  }

  /** Parses a status name as sent by a client; an unknown name is an input error. */
  public static ReservationStatus parse(String field, String raw) {
    for (ReservationStatus status : values()) {
      if (status.name().equalsIgnoreCase(raw.trim())) {
        return status;
      }
    }
    throw new ReservationException.InvalidInput(
        field, field + " must be one of PENDING, CONFIRMED, CANCELLED, COMPLETED, EXPIRED");
  }
}
