package com.parkora.reservation.codec;

/** A stored or imported event that cannot be read. */
public final class EventFormatException extends RuntimeException {

  public EventFormatException(String message) {
    super(message, null, false, false);
  }
}
