package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A document that would answer hundreds of thousands of rows is refused with a code before it runs;
 * one whose unpaged lists grow past the response cap is refused once the cap is reached; neither
 * disturbs the requests that follow. On a tenant of 600 reservations, on each store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryCostContract {

  private static final int ROWS = 600;
  private final String user = UUID.randomUUID().toString();
  private RunningApi api;

  protected abstract RunningApi startApi();

  /** Closes what {@link #startApi()} opened besides the API, after the API has stopped. */
  protected void closeStore() {}

  @BeforeAll
  void populate() {
    api = startApi();
    TenantId tenant = TenantId.parse(RunningApi.TENANT);
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    for (int i = 0; i < ROWS; i++) {
      api.service.create(
          tenant, user, "P-" + i, start.plus(i, ChronoUnit.HOURS).toString(), 1, 2.0);
    }
  }

  @AfterAll
  void stop() {
    api.close();
    closeStore();
  }

  @Test
  void aliases_of_a_full_page_cost_what_they_would_answer_and_are_refused_before_running() {
    RunningApi.Answer answer =
        api.graphQl(aliases(499, "reservations(limit: 500) { id }"), Map.of());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode error = answer.json().path("errors").get(0);
    assertThat(error.path("extensions").path("code").asText()).isEqualTo("INVALID_INPUT");
    assertThat(error.path("message").asText()).contains("complexity").contains("249999");
    assertThat(answer.json().path("data").isMissingNode() || answer.json().path("data").isNull())
        .isTrue();
    assertTheServiceStillAnswers();
  }

  @Test
  void unpaged_lists_longer_than_the_response_cap_answer_response_too_large() {
    String each = "reservationsByUser(userId: \"" + user + "\", includeCompleted: true) { id }";
    RunningApi.Answer first = api.graphQl(aliases(60, each), Map.of());
    // The document is cached now: the second time it is answered flat, and refused the same way.
    RunningApi.Answer second = api.graphQl(aliases(60, each), Map.of());

    for (RunningApi.Answer answer : List.of(first, second)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      JsonNode error = answer.json().path("errors").get(0);
      assertThat(error.path("extensions").path("code").asText()).isEqualTo("RESPONSE_TOO_LARGE");
      assertThat(error.path("message").asText()).contains("5000 rows");
      assertThat(answer.json().has("data")).isFalse();
    }
    assertThat(second.body()).isEqualTo(first.body());
    assertTheServiceStillAnswers();
  }

  @Test
  void a_full_page_and_a_users_whole_list_are_answered() {
    RunningApi.Answer page = api.graphQl("{ reservations(limit: 500) { id status } }", Map.of());
    RunningApi.Answer mine =
        api.graphQl(
            ClientDocuments.GET_USER_RESERVATIONS,
            Map.of("userId", user, "includeCompleted", true));

    assertThat(page.json().has("errors")).as(page.body()).isFalse();
    assertThat(page.json().path("data").path("reservations")).hasSize(500);
    assertThat(mine.json().has("errors")).as(mine.body()).isFalse();
    assertThat(mine.json().path("data").path("reservationsByUser")).hasSize(ROWS);
  }

  private void assertTheServiceStillAnswers() {
    RunningApi.Answer stats = api.graphQl("{ reservationStats { totalReservations } }", Map.of());
    assertThat(stats.status()).isEqualTo(200);
    assertThat(stats.json().path("data").path("reservationStats").path("totalReservations").asInt())
        .as(stats.body())
        .isEqualTo(ROWS);
  }

  private static String aliases(int count, String field) {
    StringBuilder document = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      document.append(" a").append(i).append(": ").append(field);
    }
    return document.append(" }").toString();
  }
}
