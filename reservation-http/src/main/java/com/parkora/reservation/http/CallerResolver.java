package com.parkora.reservation.http;

import java.util.Optional;

/**
 * Reads the verified caller from a request's {@code Authorization} header. The JWT verifier
 * implements this; without one, {@link #NONE} treats every request as anonymous.
 *
 * <p>An implementation answers empty for no credentials and throws {@link
 * com.parkora.reservation.domain.ReservationException.AccessDenied} with {@code UNAUTHENTICATED}
 * for credentials it cannot verify.
 */
@FunctionalInterface
public interface CallerResolver {

  /** No authentication: every request is anonymous. */
  CallerResolver NONE = authorization -> Optional.empty();

  /**
   * @param authorization the raw {@code Authorization} header, or null when absent
   * @return the verified caller, or empty for an anonymous request
   */
  Optional<Caller> resolve(String authorization);

  /** Whether credentials can be verified now (a verifier whose keys are unavailable is not). */
  default boolean ready() {
    return true;
  }
}
