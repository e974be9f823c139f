package com.parkora.reservation.http;

import com.parkora.reservation.app.Actor;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.BearerToken;
import java.util.Optional;

/**
 * Who a request acts for: its tenant, if one could be named, its verified caller, if any, and its
 * request id. Data operations call {@link #require()} and act as {@link #actor}; introspection and
 * health paths do neither.
 *
 * @param mode {@code AUTH_MODE}: with {@code required} a data operation without a caller is
 *     refused; with {@code off} nobody's reach is checked
 */
record Tenancy(
    Optional<TenantId> tenant,
    Optional<Caller> caller,
    String requestId,
    AuthMode mode,
    Optional<BearerToken> bearer) {

  /** A request that carried no bearer token. */
  Tenancy(Optional<TenantId> tenant, Optional<Caller> caller, String requestId, AuthMode mode) {
    this(tenant, caller, requestId, mode, Optional.empty());
  }

  static final String AUTHENTICATION_REQUIRED = "Authentication required";

  /** The tag of what a request's events were recorded through (the Python service's source). */
  static final String GRAPHQL = "graphql_mutation";

  static final String REST = "rest";

  TenantId require() {
    if (mode == AuthMode.REQUIRED && caller.isEmpty()) {
      throw new ReservationException.AccessDenied(
          ErrorCode.UNAUTHENTICATED, AUTHENTICATION_REQUIRED);
    }
    return tenant.orElseThrow(
        () ->
            new ReservationException.TenantRequired(
                "A tenant is required: send the X-Tenant-ID header with a UUID"));
  }

  /**
   * Whom the core acts for: the caller, or an anonymous one (unchecked when auth is off), carrying
   * the request's bearer token on to the services asked on its behalf.
   */
  Actor actor(String source) {
    Actor actor;
    if (mode == AuthMode.OFF) {
      actor = Actor.unchecked(requestId, source);
    } else {
      actor =
          caller
              .map(verified -> verified.actor(requestId, source))
              .orElseGet(() -> Actor.anonymous(requestId, source));
    }
    return actor.withCredential(bearer.orElse(null));
  }
}
