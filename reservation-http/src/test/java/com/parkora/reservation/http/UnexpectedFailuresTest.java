package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.ReservationException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A bug or an outage behind the API shows as a coded error with a plain message, nothing more. */
class UnexpectedFailuresTest {

  private static final String SECRET = "SELECT * FROM reservations WHERE tenant_id = 'x'";

  @Test
  void a_bug_is_internal_with_a_generic_message_in_graphql_and_rest() {
    try (RunningApi api = start(() -> new IllegalStateException(SECRET))) {
      RunningApi.Answer graphQl =
          api.graphQl("{ reservationStats { totalReservations } }", Map.of());
      RunningApi.Answer rest = api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT));
      RunningApi.Answer rebuild =
          api.post("/admin/rebuild", "", Map.of("X-Tenant-ID", RunningApi.TENANT));

      JsonNode error = graphQl.json().path("errors").get(0);
      assertThat(error.path("extensions").path("code").asText()).isEqualTo("INTERNAL");
      assertThat(error.path("message").asText()).isEqualTo("Internal error");
      assertThat(rest.status()).isEqualTo(500);
      assertThat(rest.json().path("error").asText()).isEqualTo("INTERNAL");
      assertThat(rebuild.status()).isEqualTo(500);
      assertThat(rebuild.json().path("success").asBoolean(true)).isFalse();
      for (RunningApi.Answer answer : new RunningApi.Answer[] {graphQl, rest, rebuild}) {
        assertThat(answer.body()).doesNotContain(SECRET, "IllegalStateException");
        BadRequestsTest.assertLeaksNothing(answer.body());
      }
    }
  }

  @Test
  void an_unreachable_store_is_dependency_unavailable_and_503() {
    try (RunningApi api =
        start(
            () ->
                new ReservationException.DependencyUnavailable(
                    "The database is unavailable", new IllegalStateException(SECRET)))) {
      RunningApi.Answer graphQl =
          api.graphQl("{ reservationStats { totalReservations } }", Map.of());
      RunningApi.Answer rest = api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT));

      assertThat(graphQl.json().path("errors").get(0).path("extensions").path("code").asText())
          .isEqualTo("DEPENDENCY_UNAVAILABLE");
      assertThat(rest.status()).isEqualTo(503);
      assertThat(rest.json().path("error").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
      assertThat(rest.body()).doesNotContain(SECRET);
    }
  }

  private static RunningApi start(Supplier<RuntimeException> failure) {
    return RunningApi.start(
        RunningApi.service(FailingStorage.of(failure)), HttpSettings.defaults());
  }
}
