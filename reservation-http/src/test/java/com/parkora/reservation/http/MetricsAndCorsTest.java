package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.memory.InMemoryStorage;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics per route, GraphQL operation and command outcome; CORS as configured. */
class MetricsAndCorsTest {

  private static final Map<String, Object> INPUT = ClientDocuments.oneHourOf("M-1");

  @Test
  void metrics_show_latency_per_route_and_operation_and_commands_by_outcome() {
    try (RunningApi api = RunningApi.inMemory()) {
      api.graphQl(ClientDocuments.CREATE_RESERVATION, INPUT);
      api.graphQl(ClientDocuments.CREATE_RESERVATION, INPUT);
      api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT));

      String metrics = api.get("/metrics", Map.of()).body();

      assertThat(metrics)
          .contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/graphql\"");
      assertThat(metrics).contains("route=\"/stats\"");
      assertThat(metrics)
          .contains(
              "graphql_operations_seconds_bucket{operation=\"CreateReservation\",outcome=\"OK\"");
      assertThat(metrics)
          .contains(
              "graphql_operations_seconds_count{operation=\"CreateReservation\",outcome=\"SLOT_UNAVAILABLE\"} 1");
      assertThat(metrics)
          .contains("reservation_commands_total{command=\"create\",outcome=\"OK\"} 1.0");
      assertThat(metrics)
          .contains(
              "reservation_commands_total{command=\"create\",outcome=\"SLOT_UNAVAILABLE\"} 1.0");
    }
  }

  @Test
  void by_default_any_origin_is_allowed_without_credentials() {
    try (RunningApi api = RunningApi.inMemory()) {
      java.net.http.HttpHeaders preflight = preflight(api, "https://app.example.com");

      assertThat(preflight.firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
          .contains("x-tenant-id", "content-type");
      assertThat(preflight.firstValue("Access-Control-Allow-Credentials")).isEmpty();
      assertThat(allowOrigin(api, "https://app.example.com")).isIn("*", "https://app.example.com");
    }
  }

  @Test
  void configured_origins_are_allowed_and_others_are_not() {
    HttpSettings settings =
        HttpSettings.builder().corsOrigins(List.of("https://app.example.com")).build();
    try (RunningApi api = RunningApi.start(RunningApi.service(new InMemoryStorage()), settings)) {
      assertThat(allowOrigin(api, "https://app.example.com")).isEqualTo("https://app.example.com");
      assertThat(allowOrigin(api, "https://evil.example.net")).isEmpty();
    }
  }

  private static java.net.http.HttpHeaders preflight(RunningApi api, String origin) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(api.uri("/graphql"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", origin)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type,x-tenant-id")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding())
          .headers();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String allowOrigin(RunningApi api, String origin) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(api.uri("/health/live")).header("Origin", origin).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding())
          .headers()
          .firstValue("Access-Control-Allow-Origin")
          .orElse("");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
