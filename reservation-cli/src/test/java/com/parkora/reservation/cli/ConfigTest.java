package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.http.AuthMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void an_empty_environment_means_the_embedded_store_on_port_8000() {
    Config config = Config.fromEnvironment(Map.of());

    assertThat(config.embedded()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.auth().mode()).isEqualTo(AuthMode.OFF);
    assertThat(config.auth().keycloakRealm()).isEqualTo("parkora");
    assertThat(config.auth().keycloakClientId()).isEqualTo("backend-services");
    assertThat(config.auth().allowedClients()).containsExactly("frontend-app", "backend-services");
    assertThat(config.auth().adminRole()).isEqualTo("admin");
    assertThat(config.auth().serviceRole()).isEqualTo("service");
    assertThat(config.pendingHold()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.paymentServicePort()).isEqualTo(50051);
    assertThat(config.rabbitmqHost()).isEmpty();
    assertThat(config.paymentServiceTls()).isFalse();
    assertThat(config.parkingCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.databaseTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void the_database_timeout_is_a_duration_of_at_least_250_ms() {
    assertThat(Config.fromEnvironment(Map.of("DATABASE_TIMEOUT", "2.5")).databaseTimeout())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(Config.fromEnvironment(Map.of("DATABASE_TIMEOUT", "800ms")).databaseTimeout())
        .isEqualTo(Duration.ofMillis(800));
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_TIMEOUT", "100ms")))
        .isInstanceOf(CliException.class)
        .hasMessage("DATABASE_TIMEOUT must be at least 250ms, got 100ms");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DATABASE_TIMEOUT", "soon")))
        .hasMessageStartingWith("DATABASE_TIMEOUT must be a duration");
  }

  @Test
  void payment_tls_is_true_or_false() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PAYMENT_SERVICE_TLS", "yes")))
        .hasMessage("PAYMENT_SERVICE_TLS must be true or false, got 'yes'");
  }

  @Test
  void every_variable_of_the_contract_is_read() {
    Config config =
        Config.fromEnvironment(
            Map.ofEntries(
                Map.entry("DATABASE_URL", "postgresql://app:pw@db:5432/reservations"),
                Map.entry("PORT", "9000"),
                Map.entry("DATA_DIR", "/var/lib/reservations"),
                Map.entry("KEYCLOAK_URL", "https://auth.example/"),
                Map.entry("AUTH_MODE", "Required"),
                Map.entry("AUTH_ALLOWED_CLIENTS", "web, payments"),
                Map.entry("AUTH_ADMIN_ROLE", "operator"),
                Map.entry("AUTH_SERVICE_ROLE", "machine"),
                Map.entry("DEFAULT_TENANT_ID", "00000000-0000-0000-0000-000000000001"),
                Map.entry("PARKING_SERVICE_URL", "http://parking"),
                Map.entry("PARKING_SERVICE_TIMEOUT", "2.5"),
                Map.entry("GRPC_TIMEOUT", "750ms"),
                Map.entry("PAYMENT_SERVICE_TLS", "TRUE"),
                Map.entry("PARKING_CACHE_TTL", "30"),
                Map.entry("RABBITMQ_HOST", "mq"),
                Map.entry("RABBITMQ_PASSWORD", "hunter2"),
                Map.entry("PENDING_HOLD_MINUTES", "5"),
                Map.entry("CORS_ORIGINS", "https://a.example, https://b.example")));

    assertThat(config.databaseUrl()).contains("postgresql://app:pw@db:5432/reservations");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.auth().mode()).isEqualTo(AuthMode.REQUIRED);
    assertThat(config.auth().keycloakUrl()).contains("https://auth.example/");
    assertThat(config.auth().allowedClients()).containsExactly("web", "payments");
    assertThat(config.auth().adminRole()).isEqualTo("operator");
    assertThat(config.auth().serviceRole()).isEqualTo("machine");
    assertThat(config.defaultTenant()).isPresent();
    assertThat(config.parkingServiceTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.grpcTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.paymentServiceTls()).isTrue();
    assertThat(config.parkingCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.pendingHold()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.corsOrigins()).containsExactly("https://a.example", "https://b.example");
  }

  @Test
  void the_logged_configuration_masks_passwords() {
    Config config =
        Config.fromEnvironment(
            Map.of(
                "DATABASE_URL",
                "postgresql://app:pw0rd@db:5432/reservations",
                "RABBITMQ_HOST",
                "mq",
                "RABBITMQ_PASSWORD",
                "hunter2"));

    List<String> lines = config.describe();

    assertThat(String.join("\n", lines))
        .doesNotContain("pw0rd")
        .doesNotContain("hunter2")
        .contains("DATABASE_URL=postgresql://app:****@db:5432/reservations")
        .contains("RABBITMQ_PASSWORD=****");
  }

  @Test
  void a_jdbc_url_password_parameter_is_masked() {
    assertThat(Secrets.maskUrl("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/app?user=app&password=****&ssl=true");
  }

  @Test
  void flags_override_the_environment() {
    Config config =
        Config.fromEnvironment(Map.of("PORT", "9000", "DATA_DIR", "/env")).toBuilder()
            .port(9100)
            .dataDir(Path.of("/flag"))
            .databaseUrl("postgresql://db/x")
            .build();

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.dataDir()).isEqualTo(Path.of("/flag"));
    assertThat(config.embedded()).isFalse();
  }

  @Test
  void malformed_values_are_refused_with_the_variable_name() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("AUTH_MODE", "sometimes")))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("AUTH_MODE must be one of");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DEFAULT_TENANT_ID", "acme")))
        .hasMessage("DEFAULT_TENANT_ID must be a UUID, got 'acme'");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("GRPC_TIMEOUT", "soon")))
        .hasMessageStartingWith("GRPC_TIMEOUT must be a duration");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "70000")))
        .hasMessage("PORT must be a port between 0 and 65535, got 70000");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PENDING_HOLD_MINUTES", "0")))
        .hasMessage("PENDING_HOLD_MINUTES must be a positive number, got 0");
  }

  @Test
  void a_start_may_lie_180_minutes_in_the_past_unless_start_grace_minutes_says_otherwise() {
    assertThat(Config.fromEnvironment(Map.of()).startGrace()).isEqualTo(Duration.ofMinutes(180));
    assertThat(Config.fromEnvironment(Map.of("START_GRACE_MINUTES", "30")).startGrace())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(Config.fromEnvironment(Map.of()).describe()).contains("START_GRACE_MINUTES=180");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("START_GRACE_MINUTES", "soon")))
        .hasMessageContaining("START_GRACE_MINUTES");
  }
}
