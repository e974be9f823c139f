package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import java.util.Optional;

/**
 * Who a request acts for: its tenant, if one could be named, its verified caller, if any, and its
 * request id. Data operations call {@link #require()}; introspection and health paths never do.
 *
 * @param callerRequired {@code AUTH_MODE=required}: a data operation without a caller is refused
 */
record Tenancy(
    Optional<TenantId> tenant, Optional<Caller> caller, String requestId, boolean callerRequired) {

  static final String AUTHENTICATION_REQUIRED = "Authentication required";

  TenantId require() {
    if (callerRequired && caller.isEmpty()) {
      throw new ReservationException.AccessDenied(
          ErrorCode.UNAUTHENTICATED, AUTHENTICATION_REQUIRED);
    }
    return tenant.orElseThrow(
        () ->
            new ReservationException.TenantRequired(
                "A tenant is required: send the X-Tenant-ID header with a UUID"));
  }
}
