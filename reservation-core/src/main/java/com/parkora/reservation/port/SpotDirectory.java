package com.parkora.reservation.port;

import java.util.OptionalDouble;

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

  /**
   * The hourly price of the parking {@code parkingSpotId} names, from the same list and cache as
   * {@link #exists}; empty when the directory lists no price for it (or is {@link #ANY}). With
   * {@code refetch} the list is fetched again first (with the caller's token, null: none), as for
   * an unlisted spot: the price may have changed since it was cached.
   *
   * @throws com.parkora.reservation.domain.ReservationException.DependencyUnavailable when the
   *     directory cannot be asked
   */
  default OptionalDouble hourlyPrice(
      String parkingSpotId, boolean refetch, BearerToken callerToken) {
    return OptionalDouble.empty();
  }
}
