package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.parking.HttpSpotDirectory;
import com.parkora.reservation.clients.parking.ParkingSettings;
import com.parkora.reservation.clients.testing.ParkingServer;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The price of a booking checked against the parking service's listed {@code price}
 * (docs/parking.md), with a real HTTP stub of the parking service on loopback.
 */
class PriceIntegrityTest {

  static final String CREATE =
      "mutation CreateReservation($input: CreateReservationInput!) {"
          + " createReservation(input: $input) { id status totalCost } }";
  static final String QUOTE =
      "query($spot: String!, $hours: Int!) { quote(parkingSpotId: $spot, durationHours: $hours) }";

  private final ParkingServer parking = new ParkingServer();
  private RunningApi api;

  private void listPrice(double central) {
    parking.answer(ParkingServer.PARKINGS, "[{\"id\": 7, \"name\": \"Old Town\"}]");
    parking.answer(
        ParkingServer.AVAILABILITY,
        "[{\"parking_id\": \"p-1\", \"name\": \"Central\", \"available_spots\": 3,"
            + " \"total_spots\": 40, \"price\": "
            + central
            + "}, {\"parking_id\": \"p-2\", \"name\": \"Unpriced\", \"available_spots\": 1,"
            + " \"total_spots\": 5}]");
  }

  private void startWithParking() {
    listPrice(1.2);
    HttpSpotDirectory spots =
        new HttpSpotDirectory(
            new ParkingSettings(
                parking.url(), Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ZERO),
            new ObjectMapper(),
            RunningApi.CLOCK);
    start(ReservationService.builder(new InMemoryStorage()).clock(RunningApi.CLOCK).spots(spots));
  }

  private void start(com.parkora.reservation.app.ReservationServiceBuilder builder) {
    api = RunningApi.start(builder.build(), HttpSettings.defaults());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    parking.close();
  }

  private int day;

  /** A booking on a day of its own, so that bookings of one parking never overlap. */
  Map<String, Object> booking(String spot, int hours, Object cost) {
    Map<String, Object> input = new HashMap<>();
    input.put("userId", "7a1e4c55-3c1c-4d56-9a8e-0f7f3f1b2c3d");
    input.put("parkingSpotId", spot);
    input.put("startTime", "2026-12-%02dT10:00:00Z".formatted(++day));
    input.put("durationHours", hours);
    if (cost != null) {
      input.put("totalCost", cost);
    }
    return Map.of("input", input);
  }

  private JsonNode create(String spot, int hours, Object cost) {
    return api.graphQl(CREATE, booking(spot, hours, cost)).json();
  }

  private long events() {
    return api.service.eventStats(TenantId.parse(RunningApi.TENANT)).totalEvents();
  }

  @Test
  void a_booking_at_a_cent_is_refused_with_the_price_and_writes_nothing() {
    startWithParking();

    JsonNode refused = create("Central", 3, 0.01);

    JsonNode error = refused.path("errors").path(0);
    assertThat(error.path("extensions").path("code").asText()).isEqualTo("PRICE_MISMATCH");
    assertThat(error.path("extensions").path("expectedTotalCost").asDouble()).isEqualTo(3.6);
    assertThat(events()).isZero();
  }

  @Test
  void the_front_ends_float_products_pass_and_the_listed_price_is_kept() {
    startWithParking();

    JsonNode booked = create("Central", 3, 1.2 * 3); // 3.5999999999999996

    assertThat(booked.has("errors")).as(booked.toString()).isFalse();
    assertThat(booked.path("data").path("createReservation").path("totalCost").asDouble())
        .isEqualTo(3.6);
    assertThat(create("p-1", 7, 1.2 * 7).has("errors")).isFalse(); // 8.4 by id too
  }

  @Test
  void a_cost_left_out_is_the_listed_price() {
    startWithParking();

    JsonNode booked = create("Central", 2, null);

    assertThat(booked.path("data").path("createReservation").path("totalCost").asDouble())
        .as(booked.toString())
        .isEqualTo(2.4);
  }

  @Test
  void a_changed_price_is_fetched_again_once_before_refusing() {
    startWithParking();
    create("Central", 1, 1.2); // the list, with 1.20/h, is cached now
    int requests = parking.requests();
    listPrice(1.5);

    JsonNode booked = create("Central", 3, 4.5);
    int afterRefetch = parking.requests();
    JsonNode stale = create("Central", 4, 4.8); // 4 h at the old price

    assertThat(booked.has("errors")).as(booked.toString()).isFalse();
    assertThat(afterRefetch - requests).as("both lists fetched once more").isEqualTo(2);
    assertThat(stale.path("errors").path(0).path("extensions").path("expectedTotalCost").asDouble())
        .isEqualTo(6.0);
  }

  @Test
  void quote_answers_the_listed_price_times_the_hours() {
    startWithParking();

    JsonNode quote = api.graphQl(QUOTE, Map.of("spot", "Central", "hours", 3)).json();
    JsonNode unknown = api.graphQl(QUOTE, Map.of("spot", "Nowhere", "hours", 3)).json();

    assertThat(quote.path("data").path("quote").asDouble()).as(quote.toString()).isEqualTo(3.6);
    assertThat(unknown.path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("UNKNOWN_PARKING_SPOT");
  }

  @Test
  void a_parking_without_a_price_takes_the_cost_sent_as_before() {
    startWithParking();

    JsonNode booked = create("Unpriced", 3, 0.01);
    JsonNode byOtherList = create("Old Town", 3, 0.02);
    JsonNode leftOut = create("Unpriced", 1, null);

    assertThat(booked.path("data").path("createReservation").path("totalCost").asDouble())
        .as(booked.toString())
        .isEqualTo(0.01);
    assertThat(byOtherList.has("errors")).isFalse();
    assertThat(leftOut.path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("INVALID_INPUT");
  }

  @Test
  void a_parking_service_that_hangs_is_dependency_unavailable_for_quotes_too() {
    startWithParking();
    parking.hang();

    JsonNode quote = api.graphQl(QUOTE, Map.of("spot", "Central", "hours", 3)).json();

    assertThat(quote.path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("DEPENDENCY_UNAVAILABLE");
    parking.release();
  }

  @Test
  void a_keyed_booking_that_met_an_outage_keeps_nothing_and_its_retry_runs() {
    startWithParking();
    Map<String, String> keyed =
        Map.of("X-Tenant-ID", RunningApi.TENANT, KeyedRequests.HEADER, "outage-1");
    Map<String, Object> booking = booking("Central", 3, 3.6);
    parking.hang();

    RunningApi.Answer failed = api.graphQl(CREATE, booking, keyed);
    parking.release();
    RunningApi.Answer retry = api.graphQl(CREATE, booking, keyed);

    assertThat(failed.json().path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("DEPENDENCY_UNAVAILABLE");
    assertThat(retry.header(KeyedRequests.REPLAYED)).isNull();
    assertThat(retry.json().path("data").path("createReservation").path("status").asText())
        .as(retry.body())
        .isEqualTo("PENDING");
  }

  @Test
  void without_a_parking_service_the_cost_sent_is_taken_as_before() {
    start(ReservationService.builder(new InMemoryStorage()).clock(RunningApi.CLOCK));

    JsonNode booked = create("Anywhere", 3, 0.01);
    JsonNode quote = api.graphQl(QUOTE, Map.of("spot", "Anywhere", "hours", 3)).json();
    JsonNode leftOut = create("Anywhere-2", 1, null);

    assertThat(booked.path("data").path("createReservation").path("totalCost").asDouble())
        .isEqualTo(0.01);
    assertThat(quote.path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("INVALID_INPUT");
    assertThat(leftOut.path("errors").path(0).path("extensions").path("code").asText())
        .isEqualTo("INVALID_INPUT");
  }
}
