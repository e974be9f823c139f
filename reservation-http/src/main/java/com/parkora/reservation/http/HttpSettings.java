package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How the HTTP adapter is configured; {@link #defaults()} or a {@link #builder()} (generated:
 * {@link HttpSettingsBuilder}) makes one. Unset, a component takes the default {@link #defaults()}
 * names.
 *
 * @param corsOrigins origins allowed by CORS; empty allows any origin, without credentials
 * @param defaultTenant the tenant of requests that name none (single-tenant deployments)
 * @param readiness an extra readiness probe, checked after the service's own store probe
 * @param meterRegistry where request, GraphQL and command metrics go; scraped by {@code /metrics};
 *     null makes a fresh one
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param callerResolver verifies the credentials of the {@code Authorization} header; sent
 *     credentials must verify in every {@code authMode}
 * @param maxQueryDepth the deepest GraphQL selection accepted
 * @param maxQueryComplexity the highest cost of a GraphQL document: a field costs 1, plus for a
 *     list the most items it can return times the cost of its selection
 * @param authMode whether data operations need a verified caller, and whose reservations it sees
 */
@RecordBuilder
@RecordBuilder.Options(
    emptyDefaultForOptional = true,
    addConcreteSettersForOptional = RecordBuilder.ConcreteSettersForOptionalMode.ENABLED)
public record HttpSettings(
    @RecordBuilder.Initializer("ANY_ORIGIN") List<String> corsOrigins,
    Optional<TenantId> defaultTenant,
    @RecordBuilder.Initializer("ALWAYS_READY") BooleanSupplier readiness,
    PrometheusMeterRegistry meterRegistry,
    @RecordBuilder.Initializer("ONE_MIB") long maxBodyBytes,
    @RecordBuilder.Initializer(source = CallerResolver.class, value = "NONE")
        CallerResolver callerResolver,
    @RecordBuilder.Initializer("DEFAULT_MAX_QUERY_DEPTH") int maxQueryDepth,
    @RecordBuilder.Initializer("DEFAULT_MAX_QUERY_COMPLEXITY") int maxQueryComplexity,
    @RecordBuilder.Initializer("NO_AUTHENTICATION") AuthMode authMode) {

  public static final List<String> ANY_ORIGIN = List.of();
  public static final BooleanSupplier ALWAYS_READY = () -> true;
  public static final long ONE_MIB = 1024L * 1024L;
  public static final int DEFAULT_MAX_QUERY_DEPTH = 15;
  public static final AuthMode NO_AUTHENTICATION = AuthMode.OFF;

  /** A full page of 500 reservations with every field costs 6,001. */
  public static final int DEFAULT_MAX_QUERY_COMPLEXITY = 10_000;

  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(defaultTenant, "defaultTenant");
    Objects.requireNonNull(readiness, "readiness");
    meterRegistry =
        meterRegistry == null
            ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
            : meterRegistry;
    Objects.requireNonNull(callerResolver, "callerResolver");
    Objects.requireNonNull(authMode, "authMode");
    if (maxBodyBytes <= 0 || maxQueryDepth <= 0 || maxQueryComplexity <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Any origin, no default tenant, no extra probe, a fresh registry, 1 MiB, anonymous callers,
   * depth 15 and cost 10,000.
   */
  public static HttpSettings defaults() {
    return builder().build();
  }

  /** Starts from {@link #defaults()}. */
  public static HttpSettingsBuilder builder() {
    return HttpSettingsBuilder.builder();
  }

  /** Starts from these settings. */
  public HttpSettingsBuilder toBuilder() {
    return HttpSettingsBuilder.builder(this);
  }
}
