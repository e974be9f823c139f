package com.parkora.reservation.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link TokenVerifier} accepts and where it finds the keys. {@link #keycloak} derives the
 * issuer and the JWKS address from a Keycloak realm; the {@code with...} methods tune the key
 * cache.
 *
 * @param issuer the exact {@code iss} a token must carry
 * @param jwksUri where the realm publishes its signing keys
 * @param clientId a token is for us when its {@code aud} contains this
 * @param allowedClients ... or when its {@code azp} is one of these
 * @param adminRole the realm or client role that makes a caller an admin
 * @param serviceRole the realm or client role that makes a caller a service
 * @param cacheTimeToLive how long fetched keys are used before they are fetched again
 * @param rateLimitInterval the JWKS is fetched at most twice per interval (one fetch is kept for
 *     the refresh ahead of expiry, one for a token naming an unknown key)
 * @param fetchTimeout connect and read timeout of one JWKS fetch
 */
public record TokenSettings(
    String issuer,
    URI jwksUri,
    String clientId,
    Set<String> allowedClients,
    String adminRole,
    String serviceRole,
    Duration cacheTimeToLive,
    Duration rateLimitInterval,
    Duration fetchTimeout) {

  /** The clients whose tokens are for us unless configured otherwise. */
  public static final List<String> DEFAULT_ALLOWED_CLIENTS =
      List.of("frontend-app", "backend-services");

  /** Clock difference tolerated on {@code exp}, {@code nbf} and {@code iat}. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  public TokenSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(clientId, "clientId");
    allowedClients = Set.copyOf(allowedClients);
    Objects.requireNonNull(adminRole, "adminRole");
    Objects.requireNonNull(serviceRole, "serviceRole");
    if (cacheTimeToLive.isNegative()
        || cacheTimeToLive.isZero()
        || rateLimitInterval.isNegative()
        || fetchTimeout.isNegative()
        || fetchTimeout.isZero()) {
      throw new IllegalArgumentException("durations must be positive");
    }
  }

  /**
   * A realm of the Keycloak at {@code keycloakUrl}: issuer {@code {url}/realms/{realm}}, keys at
   * {@code {issuer}/protocol/openid-connect/certs}; keys cached 5 minutes, fetched at most twice
   * per 10 seconds, each fetch given 2 seconds.
   */
  public static TokenSettings keycloak(
      String keycloakUrl,
      String realm,
      String clientId,
      List<String> allowedClients,
      String adminRole,
      String serviceRole) {
    String base = keycloakUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String issuer = base + "/realms/" + realm;
    return new TokenSettings(
        issuer,
        URI.create(issuer + "/protocol/openid-connect/certs"),
        clientId,
        Set.copyOf(allowedClients),
        adminRole,
        serviceRole,
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  public TokenSettings withKeyCache(Duration timeToLive, Duration rateLimit) {
    return new TokenSettings(
        issuer,
        jwksUri,
        clientId,
        allowedClients,
        adminRole,
        serviceRole,
        timeToLive,
        rateLimit,
        fetchTimeout);
  }
}
