package com.parkora.reservation.cli;

import com.parkora.reservation.http.AuthMode;
import com.parkora.reservation.http.TokenSettings;
import java.util.List;
import java.util.Optional;

/**
 * Authentication settings of docs/configuration.md: the mode, the Keycloak realm whose tokens are
 * accepted, the clients they may be issued to, and the two role names that widen access.
 */
public record AuthConfig(
    AuthMode mode,
    Optional<String> keycloakUrl,
    String keycloakRealm,
    String keycloakClientId,
    List<String> allowedClients,
    String adminRole,
    String serviceRole) {

  public AuthConfig {
    allowedClients = List.copyOf(allowedClients);
  }

  static AuthConfig from(EnvironmentSettings s) {
    return new AuthConfig(
        mode("AUTH_MODE", s.text("AUTH_MODE", "off")),
        s.optional("KEYCLOAK_URL"),
        s.text("KEYCLOAK_REALM", "parkora"),
        s.text("KEYCLOAK_CLIENT_ID", "backend-services"),
        s.list("AUTH_ALLOWED_CLIENTS", TokenSettings.DEFAULT_ALLOWED_CLIENTS),
        s.text("AUTH_ADMIN_ROLE", "admin"),
        s.text("AUTH_SERVICE_ROLE", "service"));
  }

  /** What the token verifier accepts; {@code KEYCLOAK_URL} must be set when auth is on. */
  TokenSettings tokenSettings() {
    String url =
        keycloakUrl.orElseThrow(
            () ->
                new CliException(
                    "AUTH_MODE="
                        + mode.wireName()
                        + " needs KEYCLOAK_URL (the Keycloak base URL)"));
    return TokenSettings.keycloak(
        url, keycloakRealm, keycloakClientId, allowedClients, adminRole, serviceRole);
  }

  List<String> describe() {
    return List.of(
        "AUTH_MODE=" + mode.wireName(),
        "KEYCLOAK_URL=" + keycloakUrl.orElse("(unset)"),
        "KEYCLOAK_REALM=" + keycloakRealm,
        "KEYCLOAK_CLIENT_ID=" + keycloakClientId,
        "AUTH_ALLOWED_CLIENTS=" + String.join(",", allowedClients),
        "AUTH_ADMIN_ROLE=" + adminRole,
        "AUTH_SERVICE_ROLE=" + serviceRole);
  }

  private static AuthMode mode(String name, String raw) {
    try {
      return AuthMode.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new CliException(name + " must be one of off, optional, required; got '" + raw + "'");
    }
  }
}
