package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.TenantId;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is ambiguous is refused, not guessed: two tenant headers, a body holding more than one JSON
 * value, a body that does not say it is JSON, a key given twice, a body not in UTF-8.
 */
class StrictRequestsTest {

  private static final String OTHER_TENANT = "44444444-4444-4444-8444-444444444444";
  private static final String CREATE =
      "{\"query\": "
          + quoted(ClientDocuments.CREATE_RESERVATION)
          + ", \"variables\": {\"input\": {\"userId\": \"22222222-2222-4222-8222-222222222222\","
          + " \"parkingSpotId\": \"S-1\", \"startTime\": \"2026-12-01T09:30:00.000Z\","
          + " \"durationHours\": 2, \"totalCost\": 7.5}}}";

  @AutoClose private static final RunningApi api = RunningApi.inMemory();

  @Test
  void two_tenant_headers_are_refused_as_tenant_required_on_graphql_and_rest() {
    RunningApi.Answer graphQl =
        api.send(
            post(CREATE, "application/json")
                .header("X-Tenant-ID", RunningApi.TENANT)
                .header("X-Tenant-ID", OTHER_TENANT)
                .build());
    RunningApi.Answer rest =
        api.send(
            HttpRequest.newBuilder(api.uri("/stats"))
                .header("X-Tenant-ID", RunningApi.TENANT)
                .header("X-Tenant-ID", RunningApi.TENANT)
                .GET()
                .build());

    assertThat(graphQl.status()).as(graphQl.body()).isEqualTo(400);
    assertThat(code(graphQl)).isEqualTo("TENANT_REQUIRED");
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.json().path("error").asText()).isEqualTo("TENANT_REQUIRED");
    assertThat(events(RunningApi.TENANT) + events(OTHER_TENANT)).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " trailing",
        "\u0000",
        " {\"query\": \"{ reservationStats { totalReservations } }\"}"
      })
  void a_body_with_anything_after_its_json_value_is_refused_and_writes_nothing(String after) {
    RunningApi.Answer answer = sentWritingNothing(CREATE + after, "application/json");

    assertInvalidInput(answer, 400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=iso-8859-1"
      })
  void a_body_that_is_not_declared_json_is_415_and_writes_nothing(String contentType) {
    RunningApi.Answer answer = sentWritingNothing(CREATE, contentType);

    assertInvalidInput(answer, 415);
    assertThat(answer.json().path("errors").get(0).path("message").asText())
        .contains("application/json");
  }

  @Test
  void a_key_repeated_at_the_top_is_refused_and_the_mutation_does_not_run() {
    String readThenMutation =
        "{\"query\": \"{ reservationStats { totalReservations } }\", " + CREATE.substring(1);

    RunningApi.Answer answer = sentWritingNothing(readThenMutation, "application/json");

    assertInvalidInput(answer, 400);
    assertThat(answer.json().path("errors").get(0).path("message").asText())
        .isEqualTo(GraphQlRequest.DUPLICATE_KEY);
  }

  @Test
  void a_key_repeated_inside_the_variables_is_refused_and_writes_nothing() {
    String twoSpots =
        CREATE.replace(
            "\"parkingSpotId\": \"S-1\"",
            "\"parkingSpotId\": \"S-1\"," + " \"parkingSpotId\": \"S-2\"");
    assertThat(twoSpots).contains("S-2");

    RunningApi.Answer answer = sentWritingNothing(twoSpots, "application/json");

    assertInvalidInput(answer, 400);
    assertThat(answer.json().path("errors").get(0).path("message").asText())
        .isEqualTo(GraphQlRequest.DUPLICATE_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE"})
  void a_body_in_utf16_or_utf32_with_or_without_a_byte_order_mark_is_415_and_writes_nothing(
      String charset) {
    java.nio.charset.Charset encoding = java.nio.charset.Charset.forName(charset);
    byte[] plain = CREATE.getBytes(encoding); // Java's UTF-16 writes a big-endian mark
    byte[] marked = ("\uFEFF" + CREATE).getBytes(encoding);

    for (byte[] body : java.util.List.of(plain, marked)) {
      long before = events(RunningApi.TENANT);
      RunningApi.Answer answer = api.send(tenant(post(body, "application/json")));

      assertInvalidInput(answer, 415);
      assertThat(answer.json().path("errors").get(0).path("message").asText())
          .isEqualTo(GraphQlEndpoint.NOT_UTF8);
      assertThat(events(RunningApi.TENANT)).isEqualTo(before);
    }
  }

  @Test
  void a_utf16_charset_parameter_is_415_and_writes_nothing() {
    RunningApi.Answer answer = sentWritingNothing(CREATE, "application/json; charset=utf-16");

    assertInvalidInput(answer, 415);
  }

  @Test
  void a_utf8_byte_order_mark_is_skipped() {
    byte[] marked =
        ("\uFEFF{\"query\": \"{ reservationStats { totalReservations } }\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    RunningApi.Answer answer = api.send(tenant(post(marked, "application/json")));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
  }

  @Test
  void the_listen_backlog_is_sized_before_the_server_opens() {
    assertThat(api.app.jettyServer().server().getConnectors())
        .singleElement()
        .isInstanceOfSatisfying(
            org.eclipse.jetty.server.ServerConnector.class,
            connector ->
                assertThat(connector.getAcceptQueueSize()).isEqualTo(HttpApi.ACCEPT_QUEUE_SIZE));
  }

  @Test
  void a_body_without_a_content_type_is_415() {
    HttpRequest request =
        HttpRequest.newBuilder(api.uri("/graphql"))
            .header("X-Tenant-ID", RunningApi.TENANT)
            .POST(HttpRequest.BodyPublishers.ofString(CREATE))
            .build();

    RunningApi.Answer answer = api.send(request);

    assertInvalidInput(answer, 415);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=\"UTF-8\"",
        "application/graphql-response+json"
      })
  void json_content_types_are_accepted(String contentType) {
    String stats = "{\"query\": \"{ reservationStats { totalReservations } }\"}";

    RunningApi.Answer answer = api.send(tenant(post(stats, contentType)));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X\\ud800", "X\\udbff"})
  void a_lone_surrogate_in_a_variable_or_a_literal_is_invalid_input_and_writes_nothing(
      String escaped) {
    long before = events(RunningApi.TENANT);
    String inVariables = CREATE.replace("\"S-1\"", "\"" + escaped + "\"");
    String literal =
        "{\"query\": \"mutation { createReservation(input: {userId:"
            + " \\\"22222222-2222-4222-8222-222222222222\\\", parkingSpotId: \\\""
            + escaped.replace("\\", "\\\\")
            + "\\\", startTime: \\\"2026-12-01T09:30:00Z\\\", durationHours: 2,"
            + " totalCost: 7.5}) { id } }\"}";

    for (String body : java.util.List.of(inVariables, literal)) {
      RunningApi.Answer answer = api.send(tenant(post(body, "application/json")));

      assertThat(answer.status()).as(body).isEqualTo(200);
      assertThat(code(answer)).as(answer.body()).isEqualTo("INVALID_INPUT");
      assertThat(answer.json().path("errors").get(0).path("message").asText())
          .as("the domain names the field; graphql-java's parser refuses a literal itself")
          .containsAnyOf("parkingSpotId", "surrogate");
    }
    assertThat(events(RunningApi.TENANT)).isEqualTo(before);
  }

  /** Posts {@code body} for the tenant: the answer, once it is shown to have written nothing. */
  private static RunningApi.Answer sentWritingNothing(String body, String contentType) {
    long before = events(RunningApi.TENANT);
    RunningApi.Answer answer = api.send(tenant(post(body, contentType)));
    assertThat(events(RunningApi.TENANT)).isEqualTo(before);
    return answer;
  }

  private static HttpRequest.Builder post(String body, String contentType) {
    return post(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType);
  }

  private static HttpRequest.Builder post(byte[] body, String contentType) {
    return HttpRequest.newBuilder(api.uri("/graphql"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private static HttpRequest tenant(HttpRequest.Builder request) {
    return request.header("X-Tenant-ID", RunningApi.TENANT).build();
  }

  /** Asserts a refusal with {@code status} whose error code is INVALID_INPUT. */
  private static void assertInvalidInput(RunningApi.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(code(answer)).isEqualTo("INVALID_INPUT");
  }

  private static String code(RunningApi.Answer answer) {
    return answer.json().path("errors").get(0).path("extensions").path("code").asText();
  }

  private static long events(String tenant) {
    return api.service.eventStats(TenantId.parse(tenant)).totalEvents();
  }

  private static String quoted(String text) {
    try {
      return RunningApi.JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
