package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.testing.Polling;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The realm's keys: cached, fetched again once when a token names a new key, not fetched for every
 * unknown key of a flood, kept through an outage of the JWKS endpoint, and awaited (401, never a
 * 500) when they could not be fetched at start.
 */
class KeyRotationAndOutageTest {

  private static final String STATS = "{ reservationStats { totalReservations } }";

  private LocalRealm realm;
  private TokenVerifier verifier;
  private RunningApi api;

  @BeforeEach
  void realm() {
    realm = new LocalRealm();
  }

  @AfterEach
  void stop() throws Exception {
    if (api != null) {
      api.close();
    }
    if (verifier != null) {
      verifier.close();
    }
    realm.close();
  }

  @Test
  void a_new_key_is_fetched_once_and_a_flood_of_unknown_keys_fetches_at_most_once_more() {
    start(realm.settings().withKeyCache(Duration.ofMinutes(30), Duration.ofMinutes(10)));
    assertThat(realm.fetches()).as("keys warmed at start").isEqualTo(1);
    assertThat(status(realm.token("user-1"))).isEqualTo(200);
    assertThat(realm.fetches()).as("cached").isEqualTo(1);

    RSAKey rotated = LocalRealm.rsaKey("rsa-2");
    realm.publish(rotated);
    String signedWithNewKey = LocalRealm.sign(rotated, realm.claims("user-1").build());

    assertThat(status(signedWithNewKey)).isEqualTo(200);
    assertThat(realm.fetches()).as("one extra fetch for the new kid").isEqualTo(2);
    assertThat(status(signedWithNewKey)).isEqualTo(200);
    assertThat(realm.fetches()).isEqualTo(2);

    RSAKey stranger = LocalRealm.rsaKey("unused");
    for (int i = 0; i < 50; i++) {
      RSAKey random = new RSAKey.Builder(stranger).keyID(UUID.randomUUID().toString()).build();
      assertThat(status(LocalRealm.sign(random, realm.claims("user-1").build()))).isEqualTo(401);
    }
    assertThat(realm.fetches())
        .as("a flood fetches at most once per window")
        .isLessThanOrEqualTo(3);
    assertThat(status(realm.token("user-1"))).isEqualTo(200);
  }

  @Test
  void with_the_jwks_down_after_start_tokens_of_cached_keys_keep_working() {
    start(realm.settings());
    realm.proxy().cut();

    assertThat(status(realm.token("user-1"))).isEqualTo(200);
    String unknown = LocalRealm.sign(LocalRealm.rsaKey("rsa-3"), realm.claims("user-1").build());
    assertThat(status(unknown)).isEqualTo(401);
    RunningApi.Answer ready = api.get("/health/ready", Map.of());
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/auth").asText()).isEqualTo("up");
  }

  @Test
  void
      with_the_jwks_down_at_start_the_service_starts_degraded_and_refuses_tokens_until_keys_arrive() {
    realm.proxy().cut();
    start(realm.settings().withKeyCache(Duration.ofMinutes(5), Duration.ofMillis(200)));

    RunningApi.Answer ready = api.get("/health/ready", Map.of());
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/checks/auth").asText()).isEqualTo("degraded");
    RunningApi.Answer refused = api.graphQl(STATS, Map.of(), headers(realm.token("user-1")));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().at("/errors/0/extensions/code").asText())
        .isEqualTo("UNAUTHENTICATED");

    realm.proxy().restore();
    Polling.await("the keys fetched again once the realm is back")
        .until(
            () ->
                api.get("/health/ready", Map.of()).json().at("/checks/auth").asText().equals("up"));
    assertThat(status(realm.token("user-1"))).isEqualTo(200);
  }

  private void start(TokenSettings settings) {
    verifier = TokenVerifier.start(settings);
    api =
        RunningApi.start(
            RunningApi.service(new InMemoryStorage()),
            HttpSettings.builder().authMode(AuthMode.REQUIRED).callerResolver(verifier).build());
  }

  private int status(String token) {
    return api.graphQl(STATS, Map.of(), headers(token)).status();
  }

  private static Map<String, String> headers(String token) {
    return Map.of("Authorization", "Bearer " + token, "X-Tenant-ID", RunningApi.TENANT);
  }
}
