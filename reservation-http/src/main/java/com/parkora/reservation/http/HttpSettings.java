package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How the HTTP adapter is configured; {@link #defaults()} or a {@link #builder()} makes one.
 *
 * @param corsOrigins origins allowed by CORS; empty allows any origin, without credentials
 * @param defaultTenant the tenant of requests that name none (single-tenant deployments)
 * @param readiness an extra readiness probe, checked after the service's own store probe
 * @param meterRegistry where request, GraphQL and command metrics go; scraped by {@code /metrics}
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param callerResolver reads the verified caller from the {@code Authorization} header
 * @param maxQueryDepth the deepest GraphQL selection accepted
 * @param maxQueryComplexity the highest cost of a GraphQL document: a field costs 1, plus for a
 *     list the most items it can return times the cost of its selection
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

  /**
   * Any origin, no default tenant, no extra probe, a fresh registry, 1 MiB, anonymous callers,
   * depth 15 and cost 10,000 (a full page of 500 reservations with every field costs 6,001).
   */
  public static HttpSettings defaults() {
    return builder().build();
  }

  /** Starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .corsOrigins(corsOrigins)
        .defaultTenant(defaultTenant)
        .readiness(readiness)
        .meterRegistry(meterRegistry)
        .maxBodyBytes(maxBodyBytes)
        .queryLimits(maxQueryDepth, maxQueryComplexity)
        .authentication(authMode, callerResolver);
  }

  /** Collects settings; {@link #build()} checks them. */
  public static final class Builder {
    private List<String> corsOrigins = List.of();
    private Optional<TenantId> defaultTenant = Optional.empty();
    private BooleanSupplier readiness = () -> true;
    private PrometheusMeterRegistry meterRegistry;
    private long maxBodyBytes = ONE_MIB;
    private CallerResolver callerResolver = CallerResolver.NONE;
    private int maxQueryDepth = 15;
    private int maxQueryComplexity = 10_000;
    private AuthMode authMode = AuthMode.OFF;

    private Builder() {}

    public Builder corsOrigins(List<String> value) {
      this.corsOrigins = value;
      return this;
    }

    public Builder defaultTenant(Optional<TenantId> value) {
      this.defaultTenant = value;
      return this;
    }

    public Builder readiness(BooleanSupplier value) {
      this.readiness = value;
      return this;
    }

    public Builder meterRegistry(PrometheusMeterRegistry value) {
      this.meterRegistry = value;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      this.maxBodyBytes = value;
      return this;
    }

    /** Reads callers without making them required (the mode stays as it is). */
    public Builder callerResolver(CallerResolver value) {
      this.callerResolver = value;
      return this;
    }

    public Builder queryLimits(int depth, int complexity) {
      this.maxQueryDepth = depth;
      this.maxQueryComplexity = complexity;
      return this;
    }

    /**
     * Authentication: {@code resolver} verifies credentials (sent credentials must verify in every
     * mode); {@code mode} says whether data operations need them.
     */
    public Builder authentication(AuthMode mode, CallerResolver resolver) {
      this.authMode = mode;
      this.callerResolver = resolver;
      return this;
    }

    /** The settings; a registry is made here when none was given. */
    public HttpSettings build() {
      return new HttpSettings(
          corsOrigins,
          defaultTenant,
          readiness,
          meterRegistry == null
              ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
              : meterRegistry,
          maxBodyBytes,
          callerResolver,
          maxQueryDepth,
          maxQueryComplexity,
          authMode);
    }
  }
}
