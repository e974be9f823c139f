package com.parkora.reservation.clients.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.clients.testing.ParkingServer;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.BearerToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSpotDirectoryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ParkingServer server = new ParkingServer();
  private final TestClock clock = TestClock.at("2026-12-01T08:00:00Z");
  private final HttpSpotDirectory spots = directoryAt(server.url());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_spot_listed_by_id_in_the_parkings_list_is_known() {
    server.answer(ParkingServer.PARKINGS, "[{\"id\": 17, \"name\": \"Garage Nord\"}]");

    assertThat(spots.exists("17")).isTrue();
    assertThat(spots.exists("Garage Nord")).isTrue();
  }

  @Test
  void a_spot_is_known_by_its_exact_parking_id_or_name_in_the_availability_list() {
    server.answer(
        ParkingServer.AVAILABILITY,
        """
        [{"parking_id": "p-3", "name": "Center", "available_spots": 4, "total_spots": 9,
          "price": 1.2},
         {"parking_id": 3, "name": "North"}]""");

    assertThat(spots.exists("p-3")).isTrue();
    assertThat(spots.exists("Center")).isTrue();
    assertThat(spots.exists("North")).isTrue();
    assertThat(spots.exists("A-12")).isFalse();
    assertThat(spots.exists("center")).isFalse();
    assertThat(spots.exists("3.0")).isFalse();
  }

  @Test
  void the_callers_bearer_token_goes_to_the_parking_service_and_none_without_one() {
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");

    assertThat(spots.exists("A-12", new BearerToken("tok-1"))).isTrue();
    clock.advance(Duration.ofMinutes(2)); // past the cache
    assertThat(spots.exists("A-12")).isTrue();

    assertThat(server.authorizations()).containsExactly("Bearer tok-1", "Bearer tok-1", "", "");
  }

  @Test
  void a_parking_service_that_refuses_an_anonymous_call_is_unavailable_not_an_unknown_spot() {
    server.requireBearer();
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");

    assertThatThrownBy(() -> spots.exists("A-12"))
        .isInstanceOfSatisfying(
            ReservationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE))
        .hasMessageContaining("HTTP 401");
    // a refusal of one caller's credentials does not hold up the next caller's
    assertThat(spots.exists("A-12", new BearerToken("tok-2"))).isTrue();
  }

  @Test
  void the_lists_are_cached_for_every_caller_whoever_fetched_them() {
    server.requireBearer();
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");
    assertThat(spots.exists("A-12", new BearerToken("tok-1"))).isTrue();
    int fetched = server.requests();

    assertThat(spots.exists("A-12")).isTrue();
    assertThat(spots.exists("A-12", new BearerToken("tok-2"))).isTrue();

    assertThat(server.requests()).isEqualTo(fetched);
  }

  @Test
  void a_cached_spot_makes_no_second_request() {
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");
    assertThat(spots.exists("A-12")).isTrue();
    int afterFirst = server.requests();

    clock.advance(Duration.ofSeconds(59));
    assertThat(spots.exists("A-12")).isTrue();

    assertThat(afterFirst).isEqualTo(2);
    assertThat(server.requests()).isEqualTo(afterFirst);
  }

  @Test
  void the_cache_expires_after_its_ttl() {
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");
    assertThat(spots.exists("A-12")).isTrue();
    server.answer(ParkingServer.PARKINGS, "[]");

    clock.advance(Duration.ofSeconds(60));

    assertThat(spots.exists("A-12")).isFalse();
    assertThat(server.requests()).isEqualTo(4);
  }

  @Test
  void a_miss_refreshes_at_most_once_per_interval() {
    assertThat(spots.exists("B-1")).isFalse();
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"B-1\"}]");

    assertThat(spots.exists("B-1")).isFalse();
    assertThat(server.requests()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(5));
    assertThat(spots.exists("B-1")).isTrue();
    assertThat(server.requests()).isEqualTo(4);
  }

  @Test
  void no_parking_server_is_dependency_unavailable() throws IOException {
    HttpSpotDirectory down = directoryAt(URI.create("http://127.0.0.1:" + closedPort()));

    assertThatThrownBy(() -> down.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);
  }

  @Test
  void a_parking_server_slower_than_the_timeout_is_dependency_unavailable() {
    server.hang();

    assertThatThrownBy(() -> spots.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);
  }

  @Test
  void an_error_status_or_a_body_that_is_no_list_is_dependency_unavailable() {
    server.status(503);
    assertThatThrownBy(() -> spots.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);

    server.status(200);
    server.answer(ParkingServer.PARKINGS, "{\"items\": []}");
    clock.advance(Duration.ofSeconds(5));
    assertThatThrownBy(() -> spots.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);
  }

  @Test
  void after_a_failure_misses_fail_at_once_until_the_interval_passed() {
    server.status(503);
    assertThatThrownBy(() -> spots.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);
    int afterFailure = server.requests();
    server.status(200);
    server.answer(ParkingServer.PARKINGS, "[{\"id\": \"A-12\"}]");

    assertThatThrownBy(() -> spots.exists("A-12")).satisfies(HttpSpotDirectoryTest::unavailable);
    assertThat(server.requests()).isEqualTo(afterFailure);

    clock.advance(Duration.ofSeconds(5));
    assertThat(spots.exists("A-12")).isTrue();
  }

  @Test
  void a_base_url_with_a_path_keeps_it() {
    assertThat(
            new ParkingSettings(URI.create("http://parking:8080/api/"), TIMEOUT)
                .resolve(ParkingServer.PARKINGS))
        .isEqualTo(URI.create("http://parking:8080/api/analytics/parkings"));
  }

  private HttpSpotDirectory directoryAt(URI url) {
    return new HttpSpotDirectory(
        new ParkingSettings(url, TIMEOUT, Duration.ofSeconds(60), Duration.ofSeconds(5)),
        new ObjectMapper(),
        clock);
  }

  private static void unavailable(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ReservationException.DependencyUnavailable.class);
    assertThat(((ReservationException) thrown).code()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
