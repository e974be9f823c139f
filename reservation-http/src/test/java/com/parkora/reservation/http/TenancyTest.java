package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docs/tenancy.md: header, then the caller's claim, then the default tenant, else refused. */
class TenancyTest {

  private static final String CLAIMED = "33333333-3333-4333-8333-333333333333";
  private static final String DEFAULT = "00000000-0000-0000-0000-000000000001";
  private static final String STATS = "{ reservationStats { totalReservations } }";

  /** Tokens in these tests are just the tenant they claim; "bad" is an unverifiable token. */
  private static final CallerResolver CLAIMS =
      authorization -> {
        if (authorization == null) {
          return Optional.empty();
        }
        String token = authorization.substring("Bearer ".length());
        if (token.equals("bad")) {
          throw new ReservationException.AccessDenied(ErrorCode.UNAUTHENTICATED, "Invalid token");
        }
        return Optional.of(new Caller("user-1", Optional.of(TenantId.parse(token))));
      };

  @Test
  void without_a_header_the_callers_tenant_claim_names_the_tenant() {
    try (RunningApi api = start(HttpSettings.builder().callerResolver(CLAIMS).build())) {
      RunningApi.Answer answer =
          api.graphQl(STATS, Map.of(), Map.of("Authorization", "Bearer " + CLAIMED));

      assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    }
  }

  @Test
  void a_header_that_contradicts_the_claim_is_forbidden() {
    try (RunningApi api = start(HttpSettings.builder().callerResolver(CLAIMS).build())) {
      RunningApi.Answer graphQl =
          api.graphQl(
              STATS,
              Map.of(),
              Map.of("Authorization", "Bearer " + CLAIMED, "X-Tenant-ID", RunningApi.TENANT));
      RunningApi.Answer rest =
          api.get(
              "/stats",
              Map.of("Authorization", "Bearer " + CLAIMED, "X-Tenant-ID", RunningApi.TENANT));

      assertThat(graphQl.status()).isEqualTo(403);
      assertThat(graphQl.json().path("errors").get(0).path("extensions").path("code").asText())
          .isEqualTo("FORBIDDEN");
      assertThat(rest.status()).isEqualTo(403);
      assertThat(rest.json().path("error").asText()).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void a_header_that_agrees_with_the_claim_is_accepted() {
    try (RunningApi api = start(HttpSettings.builder().callerResolver(CLAIMS).build())) {
      RunningApi.Answer answer =
          api.get("/stats", Map.of("Authorization", "Bearer " + CLAIMED, "X-Tenant-ID", CLAIMED));

      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void an_unverifiable_token_is_unauthenticated() {
    try (RunningApi api = start(HttpSettings.builder().callerResolver(CLAIMS).build())) {
      RunningApi.Answer answer = api.get("/stats", Map.of("Authorization", "Bearer bad"));

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.json().path("error").asText()).isEqualTo("UNAUTHENTICATED");
    }
  }

  @Test
  void without_header_or_claim_the_configured_default_tenant_is_used() {
    HttpSettings settings =
        HttpSettings.builder().defaultTenant(Optional.of(TenantId.parse(DEFAULT))).build();
    try (RunningApi api = start(settings)) {
      api.graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf("A-1"), Map.of());

      assertThat(
              api.get("/stats", Map.of("X-Tenant-ID", DEFAULT))
                  .json()
                  .path("total_reservations")
                  .asLong())
          .isEqualTo(1);
    }
  }

  @Test
  void a_malformed_header_is_refused_even_when_a_default_tenant_is_configured() {
    HttpSettings settings =
        HttpSettings.builder().defaultTenant(Optional.of(TenantId.parse(DEFAULT))).build();
    try (RunningApi api = start(settings)) {
      RunningApi.Answer answer = api.get("/stats", Map.of("X-Tenant-ID", "default"));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("error").asText()).isEqualTo("TENANT_REQUIRED");
    }
  }

  @Test
  void health_docs_and_introspection_need_no_tenant() {
    try (RunningApi api = start(HttpSettings.defaults())) {
      for (String path :
          new String[] {
            "/health/live", "/health/ready", "/docs", "/redoc", "/openapi.json", "/metrics", "/"
          }) {
        assertThat(api.get(path, Map.of()).status()).as(path).isEqualTo(200);
      }
      RunningApi.Answer introspection =
          api.graphQl("{ __schema { queryType { name } } }", Map.of(), Map.of());
      assertThat(introspection.json().has("errors")).as(introspection.body()).isFalse();
    }
  }

  private static RunningApi start(HttpSettings settings) {
    return RunningApi.start(RunningApi.service(new InMemoryStorage()), settings);
  }
}
