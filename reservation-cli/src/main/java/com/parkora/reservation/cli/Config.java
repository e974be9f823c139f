package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of docs/configuration.md: read from the environment, then overridden
 * by command-line flags. {@code databaseUrl} empty means the embedded store in {@code dataDir}.
 */
public record Config(
    Optional<String> databaseUrl,
    int databasePoolSize,
    int port,
    Path dataDir,
    AuthConfig auth,
    Optional<TenantId> defaultTenant,
    Optional<String> parkingServiceUrl,
    Duration parkingServiceTimeout,
    String paymentServiceHost,
    int paymentServicePort,
    Duration grpcTimeout,
    Optional<String> rabbitmqHost,
    int rabbitmqPort,
    String rabbitmqUser,
    Optional<String> rabbitmqPassword,
    Duration pendingHold,
    List<String> corsOrigins) {

  /**
   * Connections to PostgreSQL. Commits wait for the disk, so more transactions in flight than cores
   * lets PostgreSQL flush many commits at once (group commit).
   */
  public static final int DEFAULT_POOL_SIZE = 16;

  public Config {
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** Reads §8 from {@code env}; unset or blank variables take their defaults. */
  public static Config fromEnvironment(Map<String, String> env) {
    Settings s = new Settings(env);
    return new Config(
        s.optional("DATABASE_URL"),
        s.positive("DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE),
        s.port("PORT", 8000),
        Path.of(s.text("DATA_DIR", "./data")),
        AuthConfig.from(s),
        s.optional("DEFAULT_TENANT_ID").map(v -> tenant("DEFAULT_TENANT_ID", v)),
        s.optional("PARKING_SERVICE_URL"),
        s.duration("PARKING_SERVICE_TIMEOUT", Duration.ofSeconds(5)),
        s.text("PAYMENT_SERVICE_HOST", "payment-service"),
        s.port("PAYMENT_SERVICE_PORT", 50051),
        s.duration("GRPC_TIMEOUT", Duration.ofSeconds(10)),
        s.optional("RABBITMQ_HOST"),
        s.port("RABBITMQ_PORT", 5672),
        s.text("RABBITMQ_USER", "guest"),
        s.optional("RABBITMQ_PASSWORD"),
        Duration.ofMinutes(s.positive("PENDING_HOLD_MINUTES", 15)),
        s.list("CORS_ORIGINS"));
  }

  public boolean embedded() {
    return databaseUrl.isEmpty();
  }

  public Config withDatabaseUrl(String value) {
    return new Config(
        Optional.of(value),
        databasePoolSize,
        port,
        dataDir,
        auth,
        defaultTenant,
        parkingServiceUrl,
        parkingServiceTimeout,
        paymentServiceHost,
        paymentServicePort,
        grpcTimeout,
        rabbitmqHost,
        rabbitmqPort,
        rabbitmqUser,
        rabbitmqPassword,
        pendingHold,
        corsOrigins);
  }

  public Config withDataDir(Path value) {
    return new Config(
        databaseUrl,
        databasePoolSize,
        port,
        value,
        auth,
        defaultTenant,
        parkingServiceUrl,
        parkingServiceTimeout,
        paymentServiceHost,
        paymentServicePort,
        grpcTimeout,
        rabbitmqHost,
        rabbitmqPort,
        rabbitmqUser,
        rabbitmqPassword,
        pendingHold,
        corsOrigins);
  }

  public Config withPort(int value) {
    return new Config(
        databaseUrl,
        databasePoolSize,
        Settings.checkPort("--port", value),
        dataDir,
        auth,
        defaultTenant,
        parkingServiceUrl,
        parkingServiceTimeout,
        paymentServiceHost,
        paymentServicePort,
        grpcTimeout,
        rabbitmqHost,
        rabbitmqPort,
        rabbitmqUser,
        rabbitmqPassword,
        pendingHold,
        corsOrigins);
  }

  public Config withDefaultTenant(TenantId value) {
    return new Config(
        databaseUrl,
        databasePoolSize,
        port,
        dataDir,
        auth,
        Optional.of(value),
        parkingServiceUrl,
        parkingServiceTimeout,
        paymentServiceHost,
        paymentServicePort,
        grpcTimeout,
        rabbitmqHost,
        rabbitmqPort,
        rabbitmqUser,
        rabbitmqPassword,
        pendingHold,
        corsOrigins);
  }

  /** The effective settings as {@code NAME=value} lines, secrets masked; for the start-up log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "DATABASE_URL=" + databaseUrl.map(Secrets::maskUrl).orElse("(unset: embedded store)"));
    lines.add("DATABASE_POOL_SIZE=" + (embedded() ? "(unused)" : databasePoolSize));
    lines.add("DATA_DIR=" + (embedded() ? dataDir.toAbsolutePath().normalize() : "(unused)"));
    lines.add("PORT=" + port);
    lines.addAll(auth.describe());
    lines.add("DEFAULT_TENANT_ID=" + defaultTenant.map(TenantId::toString).orElse("(unset)"));
    lines.add("PARKING_SERVICE_URL=" + parkingServiceUrl.orElse("(unset: any spot accepted)"));
    lines.add("PARKING_SERVICE_TIMEOUT=" + parkingServiceTimeout.toMillis() + "ms");
    lines.add("PAYMENT_SERVICE=" + paymentServiceHost + ":" + paymentServicePort);
    lines.add("GRPC_TIMEOUT=" + grpcTimeout.toMillis() + "ms");
    lines.add(
        "RABBITMQ="
            + rabbitmqHost
                .map(h -> rabbitmqUser + "@" + h + ":" + rabbitmqPort)
                .orElse("(unset: no publishing)"));
    lines.add("RABBITMQ_PASSWORD=" + rabbitmqPassword.map(Secrets::mask).orElse("(unset)"));
    lines.add("PENDING_HOLD_MINUTES=" + pendingHold.toMinutes());
    lines.add("CORS_ORIGINS=" + (corsOrigins.isEmpty() ? "(none)" : String.join(",", corsOrigins)));
    return lines;
  }

  static TenantId tenant(String name, String raw) {
    try {
      return TenantId.parse(raw);
    } catch (RuntimeException e) {
      throw new CliException(name + " must be a UUID, got '" + raw + "'");
    }
  }

  /** Typed reads of environment variables, failing with the variable's name. */
  record Settings(Map<String, String> env) {

    Optional<String> optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String text(String name, String fallback) {
      return optional(name).orElse(fallback);
    }

    int port(String name, int fallback) {
      return checkPort(name, integer(name, fallback));
    }

    int positive(String name, int fallback) {
      int value = integer(name, fallback);
      if (value <= 0) {
        throw new CliException(name + " must be a positive number, got " + value);
      }
      return value;
    }

    Duration duration(String name, Duration fallback) {
      return optional(name).map(raw -> Durations.parse(name, raw)).orElse(fallback);
    }

    List<String> list(String name) {
      return optional(name)
          .map(
              raw ->
                  Arrays.stream(raw.split(","))
                      .map(String::trim)
                      .filter(v -> !v.isEmpty())
                      .toList())
          .orElse(List.of());
    }

    private int integer(String name, int fallback) {
      Optional<String> raw = optional(name);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        return Integer.parseInt(raw.get());
      } catch (NumberFormatException e) {
        throw new CliException(name + " must be a whole number, got '" + raw.get() + "'");
      }
    }

    static int checkPort(String name, int value) {
      if (value < 0 || value > 65535) {
        throw new CliException(name + " must be a port between 0 and 65535, got " + value);
      }
      return value;
    }
  }
}
