package com.parkora.reservation.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.health.HealthStatus;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Keycloak access tokens locally against the realm's JWKS: no call to Keycloak per
 * request. Keys are cached, refreshed ahead of expiry in the background, fetched again (rate
 * limited) when a token names an unknown {@code kid}, and kept through an outage of the JWKS
 * endpoint. RS256 and ES256 only; {@code typ} {@code JWT}, {@code at+jwt} or absent; the claims as
 * {@link KeycloakClaims} checks them.
 *
 * <p>A token that fails any check answers {@code UNAUTHENTICATED} with "Invalid token" or "Token
 * expired", nothing more; the reason goes to the debug log.
 */
public final class TokenVerifier implements CallerResolver, AutoCloseable {

  static final String INVALID = "Invalid token";
  static final String EXPIRED = "Token expired";
  private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
  private static final String BEARER = "Bearer ";

  private final TokenSettings settings;
  private final JWKSource<SecurityContext> keys;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final KeycloakClaims claims;
  private final ScheduledExecutorService retries = daemonScheduler();
  private volatile boolean keysHealthy;

  private TokenVerifier(TokenSettings settings) {
    this.settings = settings;
    this.keys = keySource(settings);
    this.claims = new KeycloakClaims(settings);
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * A verifier with its keys fetched once (warmed). An unreachable JWKS is a warning, reported by
   * {@link #ready()}; tokens are refused until the keys arrive, which is tried again in the
   * background every rate-limit interval (at least a second) while they are missing.
   */
  public static TokenVerifier start(TokenSettings settings) {
    TokenVerifier verifier = new TokenVerifier(settings);
    verifier.warmUp();
    long every = Math.max(1000, settings.rateLimitInterval().toMillis());
    verifier.retries.scheduleWithFixedDelay(
        verifier::warmUpWhileMissing, every, every, TimeUnit.MILLISECONDS);
    return verifier;
  }

  @Override
  public Optional<Caller> resolve(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw refused("not a bearer credential", INVALID);
    }
    String token = authorization.substring(BEARER.length()).trim();
    try {
      return Optional.of(claims.caller(processor.process(token, null)));
    } catch (ExpiredJWTException e) {
      throw refused(e.getMessage(), EXPIRED);
    } catch (KeySourceException e) {
      LOG.warn("token refused: the realm's keys are unavailable ({})", e.getMessage());
      throw refused(e.getMessage(), INVALID);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw refused(e.getMessage(), INVALID);
    }
  }

  /** True once keys have been fetched and the last fetch succeeded. */
  @Override
  public boolean ready() {
    return keysHealthy;
  }

  @Override
  public void close() {
    retries.shutdownNow();
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.debug("closing the key cache failed", e);
      }
    }
  }

  private void warmUpWhileMissing() {
    if (!keysHealthy) {
      warmUp();
    }
  }

  private void warmUp() {
    try {
      keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
      LOG.info("token verification: keys of {} loaded", settings.issuer());
    } catch (KeySourceException e) {
      LOG.warn(
          "token verification: cannot fetch keys from {} ({}); tokens are refused until they arrive",
          settings.jwksUri(),
          e.getMessage());
    }
  }

  private static ReservationException refused(String reason, String message) {
    LOG.debug("token refused: {}", reason);
    return new ReservationException.AccessDenied(ErrorCode.UNAUTHENTICATED, message);
  }

  private JWKSource<SecurityContext> keySource(TokenSettings settings) {
    int timeout = Math.toIntExact(settings.fetchTimeout().toMillis());
    long ttl = settings.cacheTimeToLive().toMillis();
    long refreshTimeout = Math.min(Duration.ofSeconds(15).toMillis(), ttl / 4);
    long refreshAhead = Math.min(Duration.ofSeconds(30).toMillis(), ttl / 4);
    try {
      return JWKSourceBuilder.create(
              settings.jwksUri().toURL(),
              new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
          .cache(ttl, refreshTimeout)
          .refreshAheadCache(refreshAhead, null, daemonPool(), true, daemonScheduler(), true)
          .rateLimited(settings.rateLimitInterval().toMillis())
          .retrying(true)
          .outageTolerant(ttl * 10)
          .healthReporting(report -> keysHealthy = report.getHealthStatus() == HealthStatus.HEALTHY)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWKS address: " + settings.jwksUri(), e);
    }
  }

  private static ExecutorService daemonPool() {
    return Executors.newSingleThreadExecutor(daemon("jwks-refresh"));
  }

  private static ScheduledExecutorService daemonScheduler() {
    return Executors.newSingleThreadScheduledExecutor(daemon("jwks-refresh-ahead"));
  }

  private static ThreadFactory daemon(String name) {
    return Thread.ofPlatform().name(name).daemon(true).factory();
  }
}
