package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How the HTTP adapter is configured; {@link #defaults()} and the {@code with...} methods build
 * one.
 *
 * @param corsOrigins origins allowed by CORS; empty allows any origin, without credentials
 * @param defaultTenant the tenant of requests that name none (single-tenant deployments)
 * @param readiness an extra readiness probe, checked after the service's own store probe
 * @param meterRegistry where request, GraphQL and command metrics go; scraped by {@code /metrics}
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param callerResolver reads the verified caller from the {@code Authorization} header
 * @param maxQueryDepth the deepest GraphQL selection accepted
 * @param maxQueryComplexity the most GraphQL fields one document may select
 * @param authMode whether data operations need a verified caller, and whose reservations it sees
 */
public record HttpSettings(
    List<String> corsOrigins,
    Optional<TenantId> defaultTenant,
    BooleanSupplier readiness,
    PrometheusMeterRegistry meterRegistry,
    long maxBodyBytes,
    CallerResolver callerResolver,
    int maxQueryDepth,
    int maxQueryComplexity,
    AuthMode authMode) {

  public static final long ONE_MIB = 1024L * 1024L;

  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(defaultTenant, "defaultTenant");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    Objects.requireNonNull(callerResolver, "callerResolver");
    Objects.requireNonNull(authMode, "authMode");
    if (maxBodyBytes <= 0 || maxQueryDepth <= 0 || maxQueryComplexity <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Any origin, no default tenant, no extra probe, a fresh registry, 1 MiB, anonymous callers. */
  public static HttpSettings defaults() {
    return new HttpSettings(
        List.of(),
        Optional.empty(),
        () -> true,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        ONE_MIB,
        CallerResolver.NONE,
        15,
        1000,
        AuthMode.OFF);
  }

  public HttpSettings withCorsOrigins(List<String> value) {
    return new HttpSettings(
        value,
        defaultTenant,
        readiness,
        meterRegistry,
        maxBodyBytes,
        callerResolver,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withDefaultTenant(Optional<TenantId> value) {
    return new HttpSettings(
        corsOrigins,
        value,
        readiness,
        meterRegistry,
        maxBodyBytes,
        callerResolver,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withReadiness(BooleanSupplier value) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        value,
        meterRegistry,
        maxBodyBytes,
        callerResolver,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withMeterRegistry(PrometheusMeterRegistry value) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        readiness,
        value,
        maxBodyBytes,
        callerResolver,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withMaxBodyBytes(long value) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        readiness,
        meterRegistry,
        value,
        callerResolver,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withCallerResolver(CallerResolver value) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        readiness,
        meterRegistry,
        maxBodyBytes,
        value,
        maxQueryDepth,
        maxQueryComplexity,
        authMode);
  }

  public HttpSettings withQueryLimits(int depth, int complexity) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        readiness,
        meterRegistry,
        maxBodyBytes,
        callerResolver,
        depth,
        complexity,
        authMode);
  }

  /**
   * Authentication: {@code resolver} verifies credentials (sent credentials must verify in every
   * mode); {@code mode} says whether data operations need them.
   */
  public HttpSettings withAuthentication(AuthMode mode, CallerResolver resolver) {
    return new HttpSettings(
        corsOrigins,
        defaultTenant,
        readiness,
        meterRegistry,
        maxBodyBytes,
        resolver,
        maxQueryDepth,
        maxQueryComplexity,
        mode);
  }
}
