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

  /**
   * As {@link #exists(String)}, asking with the caller's token when there is one (null: none), as
   * the Python service did. A directory that needs no token ignores it.
   */
  default boolean exists(String parkingSpotId, BearerToken callerToken) {
    return exists(parkingSpotId);
  }
}
