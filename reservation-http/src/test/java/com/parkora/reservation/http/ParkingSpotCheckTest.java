package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.parking.HttpSpotDirectory;
import com.parkora.reservation.clients.parking.ParkingSettings;
import com.parkora.reservation.clients.testing.ParkingServer;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code createReservation} checks the spot with the parking service (docs/parking.md). */
class ParkingSpotCheckTest {

  private static final String CREATE =
      "mutation($spot: String!) { createReservation(input: {userId: \""
          + UUID.randomUUID()
          + "\", parkingSpotId: $spot, startTime: \"2026-12-01T09:00:00Z\", durationHours: 1,"
          + " totalCost: 1.2}) { id parkingSpotId status } }";

  private final ParkingServer parking = new ParkingServer();
  private RunningApi api;

  @BeforeEach
  void start() {
    parking.answer(ParkingServer.PARKINGS, "[{\"id\": 7, \"name\": \"Old Town\"}]");
    parking.answer(
        ParkingServer.AVAILABILITY,
        "[{\"parking_id\": \"p-9\", \"name\": \"Main Station\", \"available_spots\": 3,"
            + " \"total_spots\": 40, \"price\": 1.2}]");
    ReservationService service =
        ReservationService.builder(new InMemoryStorage())
            .clock(RunningApi.CLOCK)
            .spots(
                new HttpSpotDirectory(
                    new ParkingSettings(parking.url(), Duration.ofMillis(500)),
                    new ObjectMapper(),
                    RunningApi.CLOCK))
            .build();
    api = RunningApi.start(service, HttpSettings.defaults());
  }

  @AfterEach
  void stop() {
    api.close();
    parking.close();
  }

  @Test
  void a_spot_listed_by_id_or_by_name_is_booked() {
    assertThat(create("7").path("data").path("createReservation").path("status").asText())
        .isEqualTo("PENDING");
    assertThat(
            create("Main Station")
                .path("data")
                .path("createReservation")
                .path("parkingSpotId")
                .asText())
        .isEqualTo("Main Station");
  }

  @Test
  void an_unlisted_spot_is_unknown_parking_spot() {
    assertThat(code(create("Nowhere"))).isEqualTo("UNKNOWN_PARKING_SPOT");
  }

  @Test
  void a_cached_list_answers_without_a_second_request() {
    create("7");
    int requests = parking.requests();

    create("Old Town");

    assertThat(parking.requests()).isEqualTo(requests);
  }

  @Test
  void a_parking_service_that_hangs_is_dependency_unavailable() {
    parking.hang();

    assertThat(code(create("7"))).isEqualTo("DEPENDENCY_UNAVAILABLE");
  }

  @Test
  void a_parking_service_that_is_gone_is_dependency_unavailable() {
    parking.close();

    assertThat(code(create("7"))).isEqualTo("DEPENDENCY_UNAVAILABLE");
  }

  @Test
  void the_callers_bearer_token_is_forwarded_on_the_spot_check() {
    parking.requireBearer();

    JsonNode withToken =
        api.graphQl(
                CREATE,
                Map.of("spot", "7"),
                Map.of("Authorization", "Bearer user-token", "X-Tenant-ID", RunningApi.TENANT))
            .json();
    assertThat(withToken.path("data").path("createReservation").path("status").asText())
        .as(withToken.toString())
        .isEqualTo("PENDING");
    assertThat(parking.authorizations()).contains("Bearer user-token").doesNotContain("");
  }

  @Test
  void a_parking_service_refusing_a_call_without_a_token_is_dependency_unavailable() {
    parking.requireBearer();

    assertThat(code(create("7"))).isEqualTo("DEPENDENCY_UNAVAILABLE");
  }

  private JsonNode create(String spot) {
    return api.graphQl(CREATE, Map.of("spot", spot)).json();
  }

  private static String code(JsonNode answer) {
    return answer.path("errors").get(0).path("extensions").path("code").asText();
  }
}
