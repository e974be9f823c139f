package com.parkora.reservation.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.parkora.reservation.clients.testing.LoopbackProxy;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stand-in for a Keycloak realm: a JWKS endpoint on loopback (behind a {@link LoopbackProxy}, so
 * a test can cut it), the private keys to sign tokens with, and a count of key fetches.
 */
final class LocalRealm implements AutoCloseable {

  static final String REALM = "parkora";
  static final String CLIENT_ID = "backend-services";
  static final String FRONTEND = "frontend-app";
  static final String TENANT_CLAIM = KeycloakClaims.TENANT_CLAIM;

  private final HttpServer server;
  private final LoopbackProxy proxy;
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private TokenVerifier verifier;
  final RSAKey rsa;

  LocalRealm() {
    try {
      rsa = rsaKey("rsa-1");
      published.add(rsa.toPublicJWK());
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", this::certs);
      server.start();
      proxy = new LoopbackProxy("127.0.0.1", server.getAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Keycloak's base URL as KEYCLOAK_URL names it (through the proxy; trailing slash on purpose).
   */
  String url() {
    return "http://127.0.0.1:" + proxy.port() + "/";
  }

  String issuer() {
    return "http://127.0.0.1:" + proxy.port() + "/realms/" + REALM;
  }

  TokenSettings settings() {
    return TokenSettings.keycloak(
        url(), REALM, CLIENT_ID, TokenSettings.DEFAULT_ALLOWED_CLIENTS, "admin", "service");
  }

  /**
   * The service's verifier of this realm's tokens with {@link #settings()}; closed with the realm.
   */
  synchronized TokenVerifier verifier() {
    if (verifier == null) {
      verifier = TokenVerifier.start(settings());
    }
    return verifier;
  }

  int fetches() {
    return fetches.get();
  }

  LoopbackProxy proxy() {
    return proxy;
  }

  /** Adds a key to the published set (key rotation). */
  void publish(JWK key) {
    published.add(key.toPublicJWK());
  }

  static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The claims of a good access token of {@code subject}, as Keycloak issues them to the front end:
   * issued now, valid five minutes, {@code azp} frontend-app, with the given realm roles.
   */
  JWTClaimsSet.Builder claims(String subject, String... realmRoles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject(subject)
        .audience("account")
        .claim("azp", FRONTEND)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("realm_access", Map.of("roles", List.of(realmRoles)));
  }

  /** A token for {@code subject} signed with the realm's RSA key. */
  String token(String subject, String... realmRoles) {
    return sign(rsa, claims(subject, realmRoles).build());
  }

  String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(rsa, change.apply(claims("user-1")).build());
  }

  static String sign(JWK key, JWTClaimsSet claims) {
    return sign(key, new JOSEObjectType("JWT"), claims);
  }

  static String sign(JWK key, JOSEObjectType type, JWTClaimsSet claims) {
    try {
      JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
      JWSSigner signer =
          key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void certs(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    byte[] body =
        new JWKSet(new ArrayList<>(published)).toString(true).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (verifier != null) {
      verifier.close();
    }
    proxy.close();
    server.stop(0);
  }
}
