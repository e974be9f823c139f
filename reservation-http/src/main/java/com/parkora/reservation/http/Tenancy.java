package com.parkora.reservation.http;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import java.util.Optional;

/**
 * Who a request acts for: its tenant, if one could be named, and its verified caller, if any. Data
 * operations call {@link #require()}; introspection and health paths never do.
 */
record Tenancy(Optional<TenantId> tenant, Optional<Caller> caller) {

  TenantId require() {
    return tenant.orElseThrow(
        () ->
            new ReservationException.TenantRequired(
                "A tenant is required: send the X-Tenant-ID header with a UUID"));
  }
}
