package com.parkora.reservation.port;

/** Knows which parking spots exist (the parking service, docs/parking.md). */
@FunctionalInterface
public interface SpotDirectory {

  /** Accepts every spot: used when no parking service is configured. */
  SpotDirectory ANY = spot -> true;

  /**
   * @throws com.parkora.reservation.domain.ReservationException.DependencyUnavailable when the
   *     directory cannot be asked
   */
  boolean exists(String parkingSpotId);
}
