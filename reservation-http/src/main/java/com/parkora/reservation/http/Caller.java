package com.parkora.reservation.http;

import com.parkora.reservation.app.Actor;
import com.parkora.reservation.app.Actor.Role;
import com.parkora.reservation.domain.TenantId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A verified caller, as a {@link CallerResolver} read it from the request's credentials.
 *
 * @param subject who the caller is (the token's {@code sub})
 * @param tenant the tenant the caller's credentials name (the token's {@code tenant_id}), if any
 * @param roles the roles of the token that grant more than acting on one's own reservations (the
 *     ones {@link Actor} knows; every other role of a token is ignored)
 */
public record Caller(String subject, Optional<TenantId> tenant, Set<Role> roles) {

  public Caller {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(tenant, "tenant");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A caller with no role beyond acting on its own reservations. */
  public Caller(String subject, Optional<TenantId> tenant) {
    this(subject, tenant, Set.of());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The actor this caller is in a request, for the core's rule of what it may touch. */
  Actor actor(String requestId, String source) {
    return Actor.user(subject, roles, requestId, source);
  }
}
