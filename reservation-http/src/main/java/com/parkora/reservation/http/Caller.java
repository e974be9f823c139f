package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified caller, as a {@link CallerResolver} read it from the request's credentials.
 *
 * @param subject who the caller is (the token's {@code sub})
 * @param tenant the tenant the caller's credentials name (the token's {@code tenant_id}), if any
 */
public record Caller(String subject, Optional<TenantId> tenant) {

  public Caller {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(tenant, "tenant");
  }
}
