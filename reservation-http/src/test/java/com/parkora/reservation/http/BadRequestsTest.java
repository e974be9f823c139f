package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests of every kind: each is answered with a 4xx or a GraphQL error carrying a code, never
 * a 500, a stack trace, a class name or SQL, and none of them writes an event.
 */
class BadRequestsTest {

  private static final String TENANT_HEADER = "X-Tenant-ID";
  private static final Map<String, String> TENANT = Map.of(TENANT_HEADER, RunningApi.TENANT);
  private static final String CREATE = ClientDocuments.CREATE_RESERVATION;
  private static final String VALID_INPUT =
      """
      {"input": {"userId": "22222222-2222-4222-8222-222222222222", "parkingSpotId": "A-12",
                 "startTime": "2026-12-01T09:30:00.000Z", "durationHours": 2, "totalCost": 7.5}}""";

  @AutoClose private static final RunningApi api = RunningApi.inMemory();

  static Stream<Arguments> badRequests() {
    return Stream.of(
        row("malformed JSON", "{\"query\": \"mutation {", TENANT, 400),
        row("empty body", "", TENANT, 400),
        row("a JSON array", "[" + body(CREATE, VALID_INPUT) + "]", TENANT, 400),
        row("no query", "{\"variables\": " + VALID_INPUT + "}", TENANT, 400),
        row("variables that are not an object", body(CREATE, "[1, 2]"), TENANT, 400),
        row(
            "variables nested 100,000 deep",
            body(CREATE, "{\"input\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
            TENANT,
            400),
        row("a syntax error", body("mutation { createReservation(input: {", "null"), TENANT, 200),
        row(
            "an unknown field",
            body(CREATE.replace("parkingSpotId }", "parkingSpotId nope }"), VALID_INPUT),
            TENANT,
            200),
        row(
            "a variable of the wrong type",
            body(CREATE, VALID_INPUT.replace("2,", "\"two\",")),
            TENANT,
            200),
        row(
            "a 5 MiB body",
            body(CREATE, VALID_INPUT.replace("A-12", "x".repeat(5 << 20))),
            TENANT,
            413),
        row("a 40-level-deep query", body(deepQuery(40), "null"), TENANT, 200),
        row("a huge limit", body("{ reservations(limit: 1000000) { id } }", "null"), TENANT, 200),
        row("a negative limit", body("{ reservations(limit: -1) { id } }", "null"), TENANT, 200),
        row("a negative offset", body("{ reservations(offset: -5) { id } }", "null"), TENANT, 200),
        row(
            "a tenant header that is not a UUID",
            body(CREATE, VALID_INPUT),
            Map.of(TENANT_HEADER, "acme"),
            400),
        row("an empty tenant header", body(CREATE, VALID_INPUT), Map.of(TENANT_HEADER, ""), 400),
        row("no tenant at all", body(CREATE, VALID_INPUT), Map.of(), 200),
        row(
            "an id that is not a UUID",
            body(ClientDocuments.CANCEL_RESERVATION, "{\"id\": \"'; DROP TABLE events; --\"}"),
            TENANT,
            200),
        row(
            "a start time that is not a time",
            body(CREATE, VALID_INPUT.replace("2026-12-01T09:30:00.000Z", "tomorrow")),
            TENANT,
            200),
        row(
            "a duration out of range",
            body(CREATE, VALID_INPUT.replace("2,", "99,")),
            TENANT,
            200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void a_bad_request_gets_a_coded_client_error_and_writes_nothing(
      String name, String body, Map<String, String> headers, int status) {
    long eventsBefore = events();

    RunningApi.Answer answer = api.post("/graphql", body, headers);

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode json = answer.json();
    assertThat(json.path("errors").isArray()).as(answer.body()).isTrue();
    assertThat(json.path("errors"))
        .allSatisfy(
            error ->
                assertThat(error.path("extensions").path("code").asText())
                    .as(answer.body())
                    .isIn("INVALID_INPUT", "TENANT_REQUIRED"));
    if (answer.status() == 200) {
      assertThat(
              json.path("data").isMissingNode()
                  || json.path("data").isNull()
                  || !json.path("data").elements().hasNext())
          .as(answer.body())
          .isTrue();
    }
    assertLeaksNothing(answer.body());
    assertThat(events()).as("events written").isEqualTo(eventsBefore);
  }

  @org.junit.jupiter.api.Test
  void a_query_deeper_than_the_cap_is_refused_before_it_runs() {
    RunningApi.Answer answer = api.post("/graphql", body(deepQuery(40), "null"), TENANT);

    assertThat(answer.json().path("errors").get(0).path("message").asText())
        .containsIgnoringCase("depth");
  }

  static Stream<Arguments> badRestRequests() {
    return Stream.of(
        Arguments.of("GET", "/stats", Map.of(TENANT_HEADER, "acme"), 400, "TENANT_REQUIRED"),
        Arguments.of("GET", "/stats", Map.of(), 400, "TENANT_REQUIRED"),
        Arguments.of(
            "GET", "/admin/events/stats", Map.of(TENANT_HEADER, "1"), 400, "TENANT_REQUIRED"),
        Arguments.of("POST", "/admin/rebuild", Map.of(), 400, "TENANT_REQUIRED"),
        Arguments.of("GET", "/no/such/path", Map.of(), 404, "NOT_FOUND"),
        Arguments.of("GET", "/graphql", Map.of("Accept", "application/json"), 400, null));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badRestRequests")
  void a_bad_rest_request_gets_a_coded_json_error(
      String method, String path, Map<String, String> headers, int status, String code) {
    RunningApi.Answer answer =
        method.equals("GET") ? api.get(path, headers) : api.post(path, "", headers);

    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    if (code != null) {
      assertThat(answer.json().path("error").asText()).isEqualTo(code);
      assertThat(answer.json().path("message").asText()).isNotBlank();
    }
    assertLeaksNothing(answer.body());
  }

  static void assertLeaksNothing(String body) {
    assertThat(body)
        .doesNotContain(
            "Exception",
            "\tat ",
            "java.",
            "javax.",
            "kotlin.",
            "com.parkora",
            "io.javalin",
            "org.eclipse",
            "graphql.",
            "SELECT ",
            "INSERT ",
            "UPDATE ",
            "org.postgresql",
            "SQLState");
  }

  private long events() {
    return api.service.eventStats(TenantId.parse(RunningApi.TENANT)).totalEvents();
  }

  private static Arguments row(String name, String body, Map<String, String> headers, int status) {
    return Arguments.of(name, body, new HashMap<>(headers), status);
  }

  private static String body(String query, String variablesJson) {
    return "{\"query\": " + quote(query) + ", \"variables\": " + variablesJson + "}";
  }

  private static String quote(String text) {
    try {
      return RunningApi.JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String deepQuery(int levels) {
    StringBuilder query = new StringBuilder("{ __schema { types { fields { type ");
    query.append("{ ofType ".repeat(levels));
    query.append("{ name }");
    query.append(" }".repeat(levels));
    return query.append(" } } } }").toString();
  }
}
