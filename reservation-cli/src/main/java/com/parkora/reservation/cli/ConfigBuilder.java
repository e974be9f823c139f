package com.parkora.reservation.cli;

import com.parkora.reservation.clients.rabbit.PaymentQueueSettings;
import com.parkora.reservation.domain.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Collects the settings of a {@link Config}; see {@link Config#fromEnvironment} for their sources.
 */
public final class ConfigBuilder {
  private Optional<String> databaseUrl;
  private int databasePoolSize;
  private int port;
  private Path dataDir;
  private AuthConfig auth;
  private Optional<TenantId> defaultTenant;
  private Optional<String> parkingServiceUrl;
  private Duration parkingServiceTimeout;
  private String paymentServiceHost;
  private int paymentServicePort;
  private Duration grpcTimeout;
  private boolean paymentServiceTls;
  private Duration parkingCacheTtl;
  private Optional<String> rabbitmqHost;
  private int rabbitmqPort;
  private String rabbitmqUser;
  private Optional<String> rabbitmqPassword;
  private String rabbitmqPaymentsQueue = PaymentQueueSettings.QUEUE;
  private Duration pendingHold;
  private Duration startGrace = Duration.ofMinutes(Config.DEFAULT_START_GRACE_MINUTES);
  private List<String> corsOrigins;

  ConfigBuilder() {}

  public ConfigBuilder databaseUrl(Optional<String> value) {
    this.databaseUrl = value;
    return this;
  }

  public ConfigBuilder databasePoolSize(int value) {
    this.databasePoolSize = value;
    return this;
  }

  public ConfigBuilder port(int value) {
    this.port = value;
    return this;
  }

  public ConfigBuilder dataDir(Path value) {
    this.dataDir = value;
    return this;
  }

  public ConfigBuilder auth(AuthConfig value) {
    this.auth = value;
    return this;
  }

  public ConfigBuilder defaultTenant(Optional<TenantId> value) {
    this.defaultTenant = value;
    return this;
  }

  public ConfigBuilder parkingServiceUrl(Optional<String> value) {
    this.parkingServiceUrl = value;
    return this;
  }

  public ConfigBuilder parkingServiceTimeout(Duration value) {
    this.parkingServiceTimeout = value;
    return this;
  }

  public ConfigBuilder paymentServiceHost(String value) {
    this.paymentServiceHost = value;
    return this;
  }

  public ConfigBuilder paymentServicePort(int value) {
    this.paymentServicePort = value;
    return this;
  }

  public ConfigBuilder grpcTimeout(Duration value) {
    this.grpcTimeout = value;
    return this;
  }

  public ConfigBuilder paymentServiceTls(boolean value) {
    this.paymentServiceTls = value;
    return this;
  }

  public ConfigBuilder parkingCacheTtl(Duration value) {
    this.parkingCacheTtl = value;
    return this;
  }

  public ConfigBuilder rabbitmqHost(Optional<String> value) {
    this.rabbitmqHost = value;
    return this;
  }

  public ConfigBuilder rabbitmqPort(int value) {
    this.rabbitmqPort = value;
    return this;
  }

  public ConfigBuilder rabbitmqUser(String value) {
    this.rabbitmqUser = value;
    return this;
  }

  public ConfigBuilder rabbitmqPassword(Optional<String> value) {
    this.rabbitmqPassword = value;
    return this;
  }

  public ConfigBuilder rabbitmqPaymentsQueue(String value) {
    this.rabbitmqPaymentsQueue = value;
    return this;
  }

  public ConfigBuilder pendingHold(Duration value) {
    this.pendingHold = value;
    return this;
  }

  public ConfigBuilder startGrace(Duration value) {
    this.startGrace = value;
    return this;
  }

  public ConfigBuilder corsOrigins(List<String> value) {
    this.corsOrigins = value;
    return this;
  }

  public ConfigBuilder databaseUrl(String value) {
    return databaseUrl(Optional.of(value));
  }

  public ConfigBuilder defaultTenant(TenantId value) {
    return defaultTenant(Optional.of(value));
  }

  public Config build() {
    return new Config(
        databaseUrl,
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
        paymentServiceTls,
        parkingCacheTtl,
        rabbitmqHost,
        rabbitmqPort,
        rabbitmqUser,
        rabbitmqPassword,
        rabbitmqPaymentsQueue,
        pendingHold,
        startGrace,
        corsOrigins);
  }
}
