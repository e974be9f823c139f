package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.memory.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Every REST path of docs/rest.md answers its shape. */
class RestPathsTest {

  private static final Map<String, String> TENANT = Map.of("X-Tenant-ID", RunningApi.TENANT);

  @AutoClose private final RunningApi api = RunningApi.inMemory();

  @Test
  void the_root_names_where_things_are_and_the_features() {
    JsonNode root = api.get("/", Map.of()).json();

    assertThat(root.path("message").asText()).isEqualTo("Reservation Service API");
    assertThat(root.path("version").asText()).isEqualTo("1.0.0");
    assertThat(root.path("docs").asText()).isEqualTo("/docs");
    assertThat(root.path("graphql").asText()).isEqualTo("/graphql");
    assertThat(root.path("health").path("live").asText()).isEqualTo("/health/live");
    assertThat(root.path("health").path("ready").asText()).isEqualTo("/health/ready");
    assertThat(texts(root.path("features")))
        .contains(
            "GraphQL API for reservations",
            "CQRS/Event Sourcing pattern",
            "Multitenancy support",
            "Keycloak authentication");
  }

  @Test
  void liveness_answers_the_python_services_body() {
    RunningApi.Answer live = api.get("/health/live", Map.of());

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json())
        .isEqualTo(
            RunningApi.JSON
                .createObjectNode()
                .put("status", "alive")
                .put("service", "reservation-service")
                .put("version", "1.0.0"));
  }

  @Test
  void readiness_is_200_ready_when_the_store_answers() {
    RunningApi.Answer ready = api.get("/health/ready", Map.of());

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("status").asText()).isEqualTo("ready");
    assertThat(ready.json().path("service").asText()).isEqualTo("reservation-service");
  }

  @Test
  void readiness_is_503_unhealthy_when_the_extra_probe_fails() {
    try (RunningApi failing =
        RunningApi.start(
            RunningApi.service(new InMemoryStorage()),
            HttpSettings.builder().readiness(() -> false).build())) {
      RunningApi.Answer ready = failing.get("/health/ready", Map.of());

      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("status").asText()).isEqualTo("unhealthy");
    }
  }

  @Test
  void stats_count_the_tenants_reservations_with_active_meaning_confirmed() {
    String confirmed = create("2026-12-01T09:00:00Z");
    create("2026-12-02T09:00:00Z");
    graphQl("mutation { confirmReservation(id: \"" + confirmed + "\") { id } }");

    JsonNode stats = api.get("/stats", TENANT).json();
    JsonNode otherTenant =
        api.get("/stats", Map.of("X-Tenant-ID", UUID.randomUUID().toString())).json();

    assertThat(stats.path("total_reservations").asLong()).isEqualTo(2);
    assertThat(stats.path("active_reservations").asLong()).isEqualTo(1);
    assertThat(stats.path("pending_reservations").asLong()).isEqualTo(1);
    assertThat(stats.path("completed_reservations").asLong()).isZero();
    assertThat(otherTenant.path("total_reservations").asLong()).isZero();
  }

  @Test
  void event_stats_list_every_event_type_even_when_zero() {
    String id = create("2026-12-03T09:00:00Z");
    graphQl("mutation { cancelReservation(id: \"" + id + "\") { id } }");

    JsonNode stats = api.get("/admin/events/stats", TENANT).json();

    assertThat(stats.path("total_events").asLong()).isEqualTo(2);
    assertThat(stats.path("total_aggregates").asLong()).isEqualTo(1);
    JsonNode byType = stats.path("events_by_type");
    for (EventType type : EventType.values()) {
      assertThat(byType.has(type.name())).as(type.name()).isTrue();
    }
    assertThat(byType.path("RESERVATION_CREATED").asLong()).isEqualTo(1);
    assertThat(byType.path("RESERVATION_CANCELLED").asLong()).isEqualTo(1);
    assertThat(byType.path("PAYMENT_PROCESSED").asLong()).isZero();
  }

  @Test
  void rebuild_replays_the_tenants_events_and_says_how_many() {
    create("2026-12-04T09:00:00Z");
    create("2026-12-05T09:00:00Z");

    RunningApi.Answer rebuilt = api.post("/admin/rebuild", "", TENANT);

    assertThat(rebuilt.status()).isEqualTo(200);
    assertThat(rebuilt.json().path("success").asBoolean()).isTrue();
    assertThat(rebuilt.json().path("events_processed").asLong()).isEqualTo(2);
    assertThat(rebuilt.json().path("rows_removed").isIntegralNumber()).isTrue();
    assertThat(rebuilt.json().path("rows_removed").asLong()).as("a right model").isZero();
    assertThat(rebuilt.json().path("rows_written").asLong()).as("a right model").isZero();
    assertThat(rebuilt.json().path("message").asText())
        .isEqualTo("Successfully rebuilt read model from 2 events");
    assertThat(api.get("/stats", TENANT).json().path("total_reservations").asLong()).isEqualTo(2);
  }

  @Test
  void a_failed_rebuild_is_a_non_2xx_answer_with_success_false() {
    RunningApi.Answer failed = api.post("/admin/rebuild", "", Map.of());

    assertThat(failed.status()).isEqualTo(400);
    assertThat(failed.json().path("success").asBoolean(true)).isFalse();
    assertThat(failed.json().path("error").asText()).isEqualTo("TENANT_REQUIRED");
  }

  @Test
  void the_openapi_document_is_served_as_json() {
    RunningApi.Answer openApi = api.get("/openapi.json", Map.of());

    assertThat(openApi.contentType()).startsWith("application/json");
    assertThat(openApi.json().path("openapi").asText()).startsWith("3.");
    assertThat(openApi.json().path("paths").has("/admin/rebuild")).isTrue();
  }

  @Test
  void the_browser_pages_load_every_asset_from_this_server() {
    for (String page : List.of("/docs", "/redoc")) {
      assertPageAssetsAreLocal(api.get(page, Map.of()));
    }
    assertPageAssetsAreLocal(api.get("/graphql", Map.of("Accept", "text/html")));
  }

  @Test
  void metrics_are_prometheus_text() {
    api.get("/health/live", Map.of());

    RunningApi.Answer metrics = api.get("/metrics", Map.of());

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram");
  }

  private void assertPageAssetsAreLocal(RunningApi.Answer page) {
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).doesNotContain("http://", "https://");
    Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    List<String> found = new ArrayList<>();
    while (assets.find()) {
      found.add(assets.group(1));
    }
    assertThat(found)
        .isNotEmpty()
        .allSatisfy(
            asset -> {
              // relative, so the page also works behind an ingress that strips a path prefix
              assertThat(asset).startsWith("webjars/");
              RunningApi.Answer file = api.get("/" + asset, Map.of());
              assertThat(file.status()).as(asset).isEqualTo(200);
              assertThat(file.contentType())
                  .as(asset)
                  .startsWith(asset.endsWith(".css") ? "text/css" : "text/javascript");
              assertThat(file.headers().firstValue("Cache-Control"))
                  .hasValue("public, max-age=31536000, immutable");
            });
  }

  @Test
  void webjars_serve_their_own_files_and_nothing_else_of_the_class_path() {
    for (String path :
        List.of(
            "/webjars/nope/1.0/nope.js",
            "/webjars/",
            "/webjars/swagger-ui",
            "/webjars/../com/parkora/reservation/http/schema.graphqls",
            "/webjars/%2e%2e/%2e%2e/%2e%2e/com/parkora/reservation/http/schema.graphqls",
            "/webjars/..%2F..%2F..%2Fcom/parkora/reservation/http/schema.graphqls")) {
      RunningApi.Answer answer = api.get(path, Map.of());

      assertThat(answer.status()).as(path).isIn(400, 404);
      assertThat(answer.body()).as(path).doesNotContain("type Query");
    }
  }

  private String create(String start) {
    return api.createReservation(
        UUID.randomUUID().toString(), "S-" + start.substring(0, 10), start, 1, "2.5");
  }

  private JsonNode graphQl(String document) {
    RunningApi.Answer answer = api.graphQl(document, Map.of());
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    return answer.json().path("data");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
