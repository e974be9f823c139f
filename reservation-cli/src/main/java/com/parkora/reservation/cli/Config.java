package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationServiceBuilder;
import com.parkora.reservation.clients.rabbit.PaymentQueueSettings;
import com.parkora.reservation.domain.BookingWindow;
import com.parkora.reservation.domain.TenantId;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective configuration of docs/configuration.md: read from the environment, then overridden
 * by command-line flags. {@code databaseUrl} empty means the embedded store in {@code dataDir}. Its
 * builder, {@link ConfigBuilder}, is generated.
 */
@RecordBuilder
@RecordBuilder.Options(
    emptyDefaultForOptional = true,
    addConcreteSettersForOptional = RecordBuilder.ConcreteSettersForOptionalMode.ENABLED)
public record Config(
    Optional<String> databaseUrl,
    int databasePoolSize,
    @RecordBuilder.Initializer("DEFAULT_DATABASE_TIMEOUT") Duration databaseTimeout,
    int port,
    Path dataDir,
    AuthConfig auth,
    Optional<TenantId> defaultTenant,
    Optional<String> parkingServiceUrl,
    Duration parkingServiceTimeout,
    String paymentServiceHost,
    int paymentServicePort,
    Duration grpcTimeout,
    boolean paymentServiceTls,
    Duration parkingCacheTtl,
    Optional<String> rabbitmqHost,
    int rabbitmqPort,
    String rabbitmqUser,
    Optional<String> rabbitmqPassword,
    @RecordBuilder.Initializer("DEFAULT_PAYMENTS_QUEUE") String rabbitmqPaymentsQueue,
    @RecordBuilder.Initializer("DEFAULT_PENDING_HOLD") Duration pendingHold,
    @RecordBuilder.Initializer("DEFAULT_START_GRACE") Duration startGrace,
    @RecordBuilder.Initializer("DEFAULT_IDEMPOTENCY_TTL") Duration idempotencyTtl,
    List<String> corsOrigins) {

  /**
   * Connections to PostgreSQL. Commits wait for the disk, so more transactions in flight than cores
   * lets PostgreSQL flush many commits at once (group commit).
   */
  public static final int DEFAULT_POOL_SIZE = 16;

  /**
   * The bound of every call to PostgreSQL, waiting for a connection included: past it a request
   * answers DEPENDENCY_UNAVAILABLE, however the database fails (refusing, or silent).
   */
  public static final Duration DEFAULT_DATABASE_TIMEOUT = Duration.ofSeconds(5);

  /** How far in the past a start may lie: the core's rule ({@link BookingWindow}). */
  public static final Duration DEFAULT_START_GRACE = BookingWindow.DEFAULT.startGrace();

  /** How long a PENDING reservation waits to be paid: the core's rule ({@link BookingWindow}). */
  public static final Duration DEFAULT_PENDING_HOLD = BookingWindow.DEFAULT.hold();

  public static final String DEFAULT_PAYMENTS_QUEUE = PaymentQueueSettings.QUEUE;

  /** How long an Idempotency-Key and its answer are kept. */
  public static final Duration DEFAULT_IDEMPOTENCY_TTL =
      ReservationServiceBuilder.DEFAULT_IDEMPOTENCY_TTL;

  public Config {
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(defaultTenant, "defaultTenant");
  }

  /** Reads docs/configuration.md from {@code env}; unset or blank variables take their defaults. */
  public static Config fromEnvironment(Map<String, String> env) {
    return from(new EnvironmentSettings(env));
  }

  static Config from(EnvironmentSettings s) {
    return ConfigBuilder.builder()
        .databaseUrl(s.optional("DATABASE_URL"))
        .databasePoolSize(s.positive("DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE))
        .databaseTimeout(databaseTimeout(s.duration("DATABASE_TIMEOUT", DEFAULT_DATABASE_TIMEOUT)))
        .port(s.port("PORT", 8000))
        .dataDir(Path.of(s.text("DATA_DIR", "./data")))
        .auth(AuthConfig.from(s))
        .defaultTenant(s.optional("DEFAULT_TENANT_ID").map(v -> tenant("DEFAULT_TENANT_ID", v)))
        .parkingServiceUrl(s.optional("PARKING_SERVICE_URL"))
        .parkingServiceTimeout(s.duration("PARKING_SERVICE_TIMEOUT", Duration.ofSeconds(5)))
        .paymentServiceHost(s.text("PAYMENT_SERVICE_HOST", "payment-service"))
        .paymentServicePort(s.port("PAYMENT_SERVICE_PORT", 50051))
        .grpcTimeout(s.duration("GRPC_TIMEOUT", Duration.ofSeconds(10)))
        .paymentServiceTls(s.flag("PAYMENT_SERVICE_TLS", false))
        .parkingCacheTtl(s.duration("PARKING_CACHE_TTL", Duration.ofSeconds(60)))
        .rabbitmqHost(s.optional("RABBITMQ_HOST"))
        .rabbitmqPort(s.port("RABBITMQ_PORT", 5672))
        .rabbitmqUser(s.text("RABBITMQ_USER", "guest"))
        .rabbitmqPassword(s.optional("RABBITMQ_PASSWORD"))
        .rabbitmqPaymentsQueue(s.text("RABBITMQ_PAYMENTS_QUEUE", DEFAULT_PAYMENTS_QUEUE))
        .pendingHold(minutes(s, "PENDING_HOLD_MINUTES", DEFAULT_PENDING_HOLD))
        .startGrace(minutes(s, "START_GRACE_MINUTES", DEFAULT_START_GRACE))
        .idempotencyTtl(s.duration("IDEMPOTENCY_TTL", DEFAULT_IDEMPOTENCY_TTL))
        .corsOrigins(s.list("CORS_ORIGINS", List.of()))
        .build();
  }

  /** A port given by a flag, checked like one from the environment. */
  static int flagPort(String flag, int value) {
    return EnvironmentSettings.checkPort(flag, value);
  }

  public boolean embedded() {
    return databaseUrl.isEmpty();
  }

  /** Starts from these settings, to override some (flags over the environment). */
  public ConfigBuilder toBuilder() {
    return ConfigBuilder.builder(this);
  }

  /** The effective settings as {@code NAME=value} lines, secrets masked; for the start-up log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "DATABASE_URL=" + databaseUrl.map(Secrets::maskUrl).orElse("(unset: embedded store)"));
    lines.add("DATABASE_POOL_SIZE=" + (embedded() ? "(unused)" : databasePoolSize));
    lines.add("DATABASE_TIMEOUT=" + (embedded() ? "(unused)" : databaseTimeout.toMillis() + "ms"));
    lines.add("DATA_DIR=" + (embedded() ? dataDir.toAbsolutePath().normalize() : "(unused)"));
    lines.add("PORT=" + port);
    lines.addAll(auth.describe());
    lines.add("DEFAULT_TENANT_ID=" + defaultTenant.map(TenantId::toString).orElse("(unset)"));
    lines.add("PARKING_SERVICE_URL=" + parkingServiceUrl.orElse("(unset: any spot accepted)"));
    lines.add("PARKING_SERVICE_TIMEOUT=" + parkingServiceTimeout.toMillis() + "ms");
    lines.add("PAYMENT_SERVICE=" + paymentServiceHost + ":" + paymentServicePort);
    lines.add("GRPC_TIMEOUT=" + grpcTimeout.toMillis() + "ms");
    lines.add("PAYMENT_SERVICE_TLS=" + paymentServiceTls);
    lines.add("PARKING_CACHE_TTL=" + parkingCacheTtl.toMillis() + "ms");
    lines.add(
        "RABBITMQ="
            + rabbitmqHost
                .map(h -> rabbitmqUser + "@" + h + ":" + rabbitmqPort)
                .orElse("(unset: no publishing, no payment events consumed)"));
    lines.add("RABBITMQ_PASSWORD=" + rabbitmqPassword.map(Secrets::mask).orElse("(unset)"));
    lines.add("RABBITMQ_PAYMENTS_QUEUE=" + rabbitmqPaymentsQueue);
    lines.add("PENDING_HOLD_MINUTES=" + pendingHold.toMinutes());
    lines.add("START_GRACE_MINUTES=" + startGrace.toMinutes());
    lines.add("IDEMPOTENCY_TTL=" + idempotencyTtl.toSeconds() + "s");
    lines.add("CORS_ORIGINS=" + (corsOrigins.isEmpty() ? "(none)" : String.join(",", corsOrigins)));
    return lines;
  }

  /** At least 250 ms, the pool's floor. */
  private static Duration databaseTimeout(Duration value) {
    if (value.toMillis() < 250) {
      throw new CliException(
          "DATABASE_TIMEOUT must be at least 250ms, got " + value.toMillis() + "ms");
    }
    return value;
  }

  private static Duration minutes(EnvironmentSettings s, String name, Duration fallback) {
    return Duration.ofMinutes(s.positive(name, Math.toIntExact(fallback.toMinutes())));
  }

  static TenantId tenant(String name, String raw) {
    try {
      return TenantId.parse(raw);
    } catch (RuntimeException e) {
      throw new CliException(name + " must be a UUID, got '" + raw + "'");
    }
  }
}
