package com.parkora.reservation.http;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import io.javalin.http.Context;
import java.util.Enumeration;
import java.util.Optional;

/**
 * docs/tenancy.md: the {@code X-Tenant-ID} header (a non-UUID or a second header is refused, never
 * a fallback), else the caller's tenant claim, else the configured default. A header that
 * contradicts the claim is FORBIDDEN. Credentials, when sent, must verify, whatever the mode; with
 * {@link AuthMode#REQUIRED} data operations also need them.
 */
final class TenantResolver {

  static final String TENANT_HEADER = "X-Tenant-ID";

  private final CallerResolver callers;
  private final Optional<TenantId> defaultTenant;
  private final AuthMode mode;

  TenantResolver(CallerResolver callers, Optional<TenantId> defaultTenant, AuthMode mode) {
    this.callers = callers;
    this.defaultTenant = defaultTenant;
    this.mode = mode;
  }

  Tenancy resolve(Context ctx) {
    Optional<Caller> caller =
        callers.resolve(Inputs.wellFormed("Authorization", ctx.header("Authorization")));
    RequestLogContext.caller(caller);
    Optional<TenantId> claimed = caller.flatMap(Caller::tenant);
    String requestId = RequestIds.of(ctx);
    String header = soleTenantHeader(ctx);
    if (header == null) {
      Optional<TenantId> tenant = claimed.or(() -> defaultTenant);
      RequestLogContext.tenant(tenant);
      return new Tenancy(tenant, caller, requestId, mode);
    }
    TenantId named = TenantId.parse(header);
    RequestLogContext.tenant(Optional.of(named));
    if (claimed.isPresent() && !claimed.get().equals(named)) {
      throw new ReservationException.AccessDenied(
          ErrorCode.FORBIDDEN,
          "The X-Tenant-ID header names a tenant the credentials do not belong to");
    }
    return new Tenancy(Optional.of(named), caller, requestId, mode);
  }

  AuthMode mode() {
    return mode;
  }

  /**
   * The readiness detail of authentication: {@code up}, or {@code degraded} while credentials
   * cannot be verified (the realm's keys are unavailable); empty when authentication is off.
   */
  Optional<String> authCheck() {
    if (mode == AuthMode.OFF) {
      return Optional.empty();
    }
    return Optional.of(callers.ready() ? "up" : "degraded");
  }

  /** The one {@code X-Tenant-ID} header, or null; two of them make the tenant ambiguous. */
  private static String soleTenantHeader(Context ctx) {
    Enumeration<String> headers = ctx.req().getHeaders(TENANT_HEADER);
    if (headers == null || !headers.hasMoreElements()) {
      return null;
    }
    String header = Inputs.wellFormed(TENANT_HEADER, headers.nextElement());
    if (headers.hasMoreElements()) {
      throw new ReservationException.TenantRequired(
          "Send one X-Tenant-ID header: several make the tenant ambiguous");
    }
    return header;
  }
}
