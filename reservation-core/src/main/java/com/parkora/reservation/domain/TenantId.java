package com.parkora.reservation.domain;

import java.util.Objects;
import java.util.UUID;

/** The tenant every piece of data belongs to. */
public record TenantId(UUID value) {

  public TenantId {
    Objects.requireNonNull(value, "tenant id");
  }

  /** Parses a tenant id as sent in a header or claim; anything but a UUID is refused. */
  public static TenantId parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new ReservationException.TenantRequired("A tenant is required (X-Tenant-ID header)");
    }
    try {
      return new TenantId(Inputs.strictUuid(raw.trim()));
    } catch (IllegalArgumentException e) {
      throw new ReservationException.TenantRequired(
          "Tenant id must be a UUID, got '" + Inputs.clip(raw) + "'");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
