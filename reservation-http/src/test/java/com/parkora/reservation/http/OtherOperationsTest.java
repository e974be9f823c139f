package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The operations of docs/graphql.md the known clients do not send, and the two additive queries.
 */
class OtherOperationsTest {

  private static final String FIELDS = "{ id status transactionId updatedAt }";

  @AutoClose private RunningApi api = RunningApi.inMemory();
  private final String user = UUID.randomUUID().toString();

  @Test
  void availability_lists_conflicts_only_when_taken_and_touching_ends_do_not_conflict() {
    String id = create("B-1", "2026-12-01T10:00:00Z", 2);

    JsonNode taken =
        data("{ checkAvailability(parkingSpotId: \"B-1\", startTime: "
                + "\"2026-12-01T11:00:00Z\", durationHours: 1) { available conflicts } }")
            .path("checkAvailability");
    JsonNode touching =
        data("{ checkAvailability(parkingSpotId: \"B-1\", startTime: "
                + "\"2026-12-01T12:00:00Z\", durationHours: 1) { available conflicts } }")
            .path("checkAvailability");

    assertThat(taken.path("available").asBoolean()).isFalse();
    assertThat(taken.path("conflicts").get(0).asText()).isEqualTo(id);
    assertThat(touching.path("available").asBoolean()).isTrue();
    assertThat(touching.path("conflicts").isNull()).isTrue();
  }

  @Test
  void reservations_are_listed_newest_first_filtered_and_paged() {
    String first = create("C-1", "2026-12-01T10:00:00Z", 1);
    String second = create("C-2", "2026-12-01T10:00:00Z", 1);
    data("mutation { confirmReservation(id: \"" + second + "\", transactionId: \"t-1\") { id } }");

    JsonNode all = data("{ reservations { id } }").path("reservations");
    JsonNode confirmed =
        data("{ reservations(status: \"CONFIRMED\") { id } }").path("reservations");
    JsonNode page = data("{ reservations(limit: 1, offset: 1) { id } }").path("reservations");
    JsonNode byUser =
        data("{ reservations(userId: \"" + user + "\") { id } }").path("reservations");

    assertThat(ids(all)).containsExactly(second, first);
    assertThat(ids(confirmed)).containsExactly(second);
    assertThat(ids(page)).containsExactly(first);
    assertThat(ids(byUser)).containsExactly(second, first);
  }

  @Test
  void a_spots_active_reservations_are_listed_within_a_window() {
    String id = create("D-1", "2026-12-01T10:00:00Z", 1);
    create("D-1", "2026-12-02T10:00:00Z", 1);

    JsonNode window =
        data("{ reservationsByParkingSpot(parkingSpotId: \"D-1\", startTime: "
                + "\"2026-12-01T00:00:00Z\", endTime: \"2026-12-01T23:00:00Z\") { id } }")
            .path("reservationsByParkingSpot");
    JsonNode any =
        data("{ reservationsByParkingSpot(parkingSpotId: \"D-1\") { id } }")
            .path("reservationsByParkingSpot");

    assertThat(ids(window)).containsExactly(id);
    assertThat(any).hasSize(2);
  }

  @Test
  void a_confirmed_reservation_completes_and_the_stats_count_it() {
    String id = create("E-1", "2026-12-01T10:00:00Z", 1);
    data("mutation { confirmReservation(id: \"" + id + "\") { id } }");

    JsonNode completed =
        data("mutation { completeReservation(id: \"" + id + "\") " + FIELDS + " }")
            .path("completeReservation");
    JsonNode stats =
        data("{ reservationStats { totalReservations activeReservations "
                + "completedReservations cancelledReservations } }")
            .path("reservationStats");

    assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(stats.path("totalReservations").asInt()).isEqualTo(1);
    assertThat(stats.path("activeReservations").asInt()).isZero();
    assertThat(stats.path("completedReservations").asInt()).isEqualTo(1);
  }

  @Test
  void delete_answers_success_for_a_pending_one_and_not_found_for_an_unknown_one() {
    String id = create("F-1", "2026-12-01T10:00:00Z", 1);

    JsonNode deleted =
        data("mutation { deleteReservation(id: \"" + id + "\") { success message } }")
            .path("deleteReservation");
    JsonNode again =
        data("mutation { deleteReservation(id: \"" + id + "\") { success message } }")
            .path("deleteReservation");

    assertThat(deleted.path("success").asBoolean()).isTrue();
    assertThat(again.path("success").asBoolean()).isFalse();
    assertThat(again.path("message").asText()).contains("not found");
    assertThat(
            data("{ reservationById(id: \"" + id + "\") { id } }").path("reservationById").isNull())
        .isTrue();
  }

  @Test
  void a_reservations_events_history_and_past_state_are_readable() throws Exception {
    TestClock clock = new TestClock(RunningApi.CLOCK.instant());
    api.close();
    api =
        RunningApi.start(
            ReservationService.builder(new InMemoryStorage()).clock(clock).build(),
            HttpSettings.defaults());
    String id = create("G-1", "2026-12-01T10:00:00Z", 1);
    Instant beforeConfirm = clock.instant();
    clock.advance(Duration.ofSeconds(1));
    data("mutation { confirmReservation(id: \"" + id + "\", transactionId: \"t-9\") { id } }");

    JsonNode events =
        data("{ eventsByReservation(reservationId: \""
                + id
                + "\") "
                + "{ id aggregateId eventType version data createdAt } }")
            .path("eventsByReservation");
    JsonNode history =
        data("{ reservationHistory(id: \"" + id + "\") " + FIELDS + " }")
            .path("reservationHistory");
    JsonNode then =
        data("{ reservationAt(id: \""
                + id
                + "\", asOf: \""
                + beforeConfirm
                + "\") "
                + FIELDS
                + " }")
            .path("reservationAt");
    JsonNode beforeItExisted =
        data("{ reservationAt(id: \"" + id + "\", asOf: " + "\"2000-01-01T00:00:00Z\") { id } }")
            .path("reservationAt");

    assertThat(events).hasSize(2);
    assertThat(events.get(0).path("eventType").asText()).isEqualTo("RESERVATION_CREATED");
    assertThat(events.get(1).path("eventType").asText()).isEqualTo("RESERVATION_CONFIRMED");
    assertThat(events.get(1).path("version").asInt()).isEqualTo(2);
    assertThat(events.get(0).path("aggregateId").asText()).isEqualTo(id);
    assertThat(
            RunningApi.JSON
                .readTree(events.get(0).path("data").asText())
                .path("parking_spot_id")
                .asText())
        .isEqualTo("G-1");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("status").asText()).isEqualTo("PENDING");
    assertThat(history.get(1).path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(then.path("status").asText()).isEqualTo("PENDING");
    assertThat(beforeItExisted.isNull()).isTrue();
  }

  @Test
  void a_document_over_the_complexity_cap_is_refused() {
    HttpSettings settings = HttpSettings.builder().maxQueryDepth(15).maxQueryComplexity(20).build();
    try (RunningApi small = RunningApi.start(api.service, settings)) {
      RunningApi.Answer answer =
          small.graphQl(
              "{ a: reservations { id tenantId userId "
                  + "parkingSpotId startTime endTime durationHours totalCost status transactionId createdAt "
                  + "updatedAt } b: reservations { id tenantId userId parkingSpotId startTime endTime "
                  + "durationHours totalCost status transactionId createdAt updatedAt } }",
              Map.of());

      assertThat(answer.json().path("errors").get(0).path("extensions").path("code").asText())
          .isEqualTo("INVALID_INPUT");
      assertThat(answer.json().path("errors").get(0).path("message").asText())
          .containsIgnoringCase("complexity");
    }
  }

  private String create(String spot, String start, int hours) {
    return api.createReservation(user, spot, start, hours, "3.0");
  }

  private JsonNode data(String document) {
    RunningApi.Answer answer = api.graphQl(document, Map.of());
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    return answer.json().path("data");
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new java.util.ArrayList<>();
    list.forEach(node -> out.add(node.path("id").asText()));
    return out;
  }
}
