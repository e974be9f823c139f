package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens are verified locally against the realm's JWKS (a loopback endpoint here, tokens signed by
 * the test): a good one is accepted, every kind of bad one is a 401 with the Bearer challenge and
 * {@code UNAUTHENTICATED}, and nothing is written.
 */
class TokenVerificationTest {

  private static final String NO_CREDENTIALS = "Bearer realm=\"reservation-service\"";

  private static final String USER = "5b0c8f0e-2a8e-4c4e-9d57-3f7f1c3a9b10";
  private static final String STATS = "{ reservationStats { totalReservations } }";

  @AutoClose private final LocalRealm realm = new LocalRealm();
  @AutoClose private RunningApi api;

  @BeforeEach
  void start() {
    api =
        RunningApi.start(
            RunningApi.service(new InMemoryStorage()),
            HttpSettings.builder()
                .authMode(AuthMode.REQUIRED)
                .callerResolver(realm.verifier())
                .build());
  }

  @Test
  void a_valid_token_is_accepted_and_its_subject_creates() {
    RunningApi.Answer created = create(realm.token(USER));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("errors").isMissingNode()).as(created.body()).isTrue();
    assertThat(created.json().at("/data/createReservation/status").asText()).isEqualTo("PENDING");
  }

  @Test
  void every_kind_of_bad_token_is_a_401_with_the_bearer_challenge_and_writes_nothing()
      throws JOSEException {
    for (Map.Entry<String, String> bad : badTokens().entrySet()) {
      RunningApi.Answer graphQl = create(bad.getValue());
      RunningApi.Answer rest =
          api.get(
              "/stats",
              Map.of(
                  "Authorization", "Bearer " + bad.getValue(), "X-Tenant-ID", RunningApi.TENANT));

      assertThat(graphQl.status()).as(bad.getKey() + ": " + graphQl.body()).isEqualTo(401);
      assertThat(graphQl.json().at("/errors/0/extensions/code").asText())
          .as(bad.getKey())
          .isEqualTo("UNAUTHENTICATED");
      assertThat(graphQl.json().at("/errors/0/message").asText())
          .as(bad.getKey())
          .isIn(TokenVerifier.INVALID, TokenVerifier.EXPIRED);
      assertThat(graphQl.header("WWW-Authenticate"))
          .as(bad.getKey())
          .isEqualTo("Bearer error=\"invalid_token\"");
      assertThat(rest.status()).as(bad.getKey()).isEqualTo(401);
      assertThat(rest.json().path("error").asText()).isEqualTo("UNAUTHENTICATED");
      assertThat(rest.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
    TenantId tenant = TenantId.parse(RunningApi.TENANT);
    assertThat(api.service.eventStats(tenant).totalEvents()).isZero();
    assertThat(api.service.stats(tenant).total()).isZero();
  }

  @Test
  void an_expired_token_says_expired_and_nothing_more() {
    String expired =
        realm.token(c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

    RunningApi.Answer answer = graphQl(STATS, expired);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().at("/errors/0/message").asText()).isEqualTo(TokenVerifier.EXPIRED);
  }

  @Test
  void clock_skew_of_less_than_a_minute_is_tolerated() {
    Instant now = Instant.now();
    String justExpired =
        realm.token(c -> c.expirationTime(Date.from(now.minus(Duration.ofSeconds(30)))));
    String almostValid =
        realm.token(
            c ->
                c.notBeforeTime(Date.from(now.plus(Duration.ofSeconds(30))))
                    .issueTime(Date.from(now.plus(Duration.ofSeconds(30)))));

    assertThat(graphQl(STATS, justExpired).status()).isEqualTo(200);
    assertThat(graphQl(STATS, almostValid).status()).isEqualTo(200);
  }

  @Test
  void a_token_is_for_us_by_audience_or_by_an_allowed_authorized_party() {
    String byAudience =
        realm.token(c -> c.audience(List.of("account", LocalRealm.CLIENT_ID)).claim("azp", "cli"));
    String byParty = realm.token(c -> c.claim("azp", LocalRealm.CLIENT_ID));

    assertThat(graphQl(STATS, byAudience).status()).isEqualTo(200);
    assertThat(graphQl(STATS, byParty).status()).isEqualTo(200);
  }

  @Test
  void header_types_jwt_and_at_jwt_and_none_are_accepted_and_es256_keys_work() {
    ECKey ec = LocalRealm.ecKey("ec-1");
    realm.publish(ec);
    var claims = realm.claims(USER).build();

    assertThat(
            graphQl(STATS, LocalRealm.sign(realm.rsa, new JOSEObjectType("at+jwt"), claims))
                .status())
        .isEqualTo(200);
    assertThat(graphQl(STATS, LocalRealm.sign(realm.rsa, null, claims)).status()).isEqualTo(200);
    assertThat(graphQl(STATS, LocalRealm.sign(ec, claims)).status()).isEqualTo(200);
  }

  @Test
  void without_a_token_required_mode_refuses_data_but_not_introspection_health_or_docs() {
    RunningApi.Answer data = api.graphQl(STATS, Map.of());
    RunningApi.Answer rest = api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT));
    RunningApi.Answer introspection =
        api.graphQl("{ __schema { queryType { name } } }", Map.of(), Map.of());

    assertThat(data.status()).isEqualTo(401);
    assertThat(data.json().at("/errors/0/extensions/code").asText()).isEqualTo("UNAUTHENTICATED");
    // RFC 6750 section 3.1: a request that sent no credentials gets no error code
    assertThat(data.header("WWW-Authenticate")).isEqualTo(NO_CREDENTIALS);
    assertThat(rest.status()).isEqualTo(401);
    assertThat(rest.header("WWW-Authenticate")).isEqualTo(NO_CREDENTIALS);
    RunningApi.Answer basic =
        api.get(
            "/stats",
            Map.of("Authorization", "Basic dXNlcjpwYXNz", "X-Tenant-ID", RunningApi.TENANT));
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.header("WWW-Authenticate")).isEqualTo(NO_CREDENTIALS);
    assertThat(introspection.status()).isEqualTo(200);
    assertThat(introspection.json().has("errors")).as(introspection.body()).isFalse();
    for (String path : new String[] {"/health/live", "/health/ready", "/docs", "/openapi.json"}) {
      assertThat(api.get(path, Map.of()).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void the_tenant_claim_names_the_tenant_and_a_contradicting_header_is_forbidden() {
    String other = "44444444-4444-4444-8444-444444444444";
    String token = realm.token(c -> c.subject(USER).claim(LocalRealm.TENANT_CLAIM, other));

    RunningApi.Answer byClaim = create(token, Map.of());
    RunningApi.Answer mismatch = create(token, Map.of("X-Tenant-ID", RunningApi.TENANT));

    assertThat(byClaim.status()).as(byClaim.body()).isEqualTo(200);
    assertThat(api.service.stats(TenantId.parse(other)).total()).isEqualTo(1);
    assertThat(mismatch.status()).isEqualTo(403);
    assertThat(mismatch.json().at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    assertThat(api.service.stats(TenantId.parse(RunningApi.TENANT)).total()).isZero();
  }

  private Map<String, String> badTokens() throws JOSEException {
    Instant now = Instant.now();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(
        "expired", realm.token(c -> c.expirationTime(Date.from(now.minus(Duration.ofMinutes(2))))));
    bad.put(
        "not yet valid",
        realm.token(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(2))))));
    bad.put(
        "issued in the future",
        realm.token(c -> c.issueTime(Date.from(now.plus(Duration.ofMinutes(2))))));
    bad.put("wrong issuer", realm.token(c -> c.issuer(realm.issuer() + "-other")));
    bad.put("issuer with a trailing slash", realm.token(c -> c.issuer(realm.issuer() + "/")));
    bad.put("not for us", realm.token(c -> c.claim("azp", "someone-else")));
    bad.put("no exp", realm.token(c -> c.expirationTime(null)));
    bad.put("no sub", realm.token(c -> c.subject(null)));
    bad.put(
        "bad signature",
        LocalRealm.sign(LocalRealm.rsaKey(realm.rsa.getKeyID()), realm.claims(USER).build()));
    bad.put("unknown key", LocalRealm.sign(LocalRealm.rsaKey("rsa-9"), realm.claims(USER).build()));
    bad.put(
        "wrong typ",
        LocalRealm.sign(realm.rsa, new JOSEObjectType("dpop+jwt"), realm.claims(USER).build()));
    bad.put("alg none", new PlainJWT(realm.claims(USER).build()).serialize());
    SignedJWT hs256 =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realm.rsa.getKeyID()).build(),
            realm.claims(USER).build());
    hs256.sign(new MACSigner(realm.rsa.toRSAPublicKey().getEncoded()));
    bad.put("HS256 with the public key as secret", hs256.serialize());
    bad.put("garbage", "not-a-token");
    bad.put("three garbage parts", "a.b.c");
    String good = realm.token(USER);
    bad.put(
        "tampered payload",
        good.substring(0, good.indexOf('.') + 3) + "x" + good.substring(good.indexOf('.') + 4));
    return bad;
  }

  private RunningApi.Answer graphQl(String query, String token) {
    return api.graphQl(
        query,
        Map.of(),
        Map.of("Authorization", "Bearer " + token, "X-Tenant-ID", RunningApi.TENANT));
  }

  private RunningApi.Answer create(String token) {
    return create(token, Map.of("X-Tenant-ID", RunningApi.TENANT));
  }

  private RunningApi.Answer create(String token, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Authorization", "Bearer " + token);
    return api.graphQl(
        ClientDocuments.CREATE_RESERVATION,
        Map.of(
            "input",
            Map.of(
                "userId",
                USER,
                "parkingSpotId",
                "A-1",
                "startTime",
                "2026-12-01T09:00:00Z",
                "durationHours",
                1,
                "totalCost",
                2.5)),
        all);
  }
}
