package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.Storage;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A started {@link HttpApi} on a free loopback port, with a plain HTTP/1.1 client to call it. */
final class RunningApi implements AutoCloseable {

  static final String TENANT = "11111111-1111-4111-8111-111111111111";
  static final ObjectMapper JSON = new ObjectMapper();

  final ReservationService service;
  final Javalin app;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RunningApi(ReservationService service, HttpSettings settings) {
    this.service = service;
    this.app = HttpApi.create(service, settings).start("127.0.0.1", 0);
  }

  /**
   * Tests book fixed dates (the client documents of docs/graphql.md book 2026-12-01): their clock
   * ticks from a fixed instant before those, whatever the day the tests run.
   */
  static final Clock CLOCK =
      Clock.offset(
          Clock.systemUTC(),
          Duration.between(Instant.now(), Instant.parse("2026-11-20T00:00:00Z")));

  /** The service under test on {@code storage}, with the tests' clock. */
  static ReservationService service(Storage storage) {
    return ReservationService.builder(storage).clock(CLOCK).build();
  }

  static RunningApi inMemory() {
    return start(service(new InMemoryStorage()), HttpSettings.defaults());
  }

  static RunningApi start(ReservationService service, HttpSettings settings) {
    return new RunningApi(service, settings);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  /** One answer: status, raw body, and the body as JSON when it is JSON. */
  record Answer(int status, String body, String contentType, java.net.http.HttpHeaders headers) {

    /** The first value of a response header, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Answer graphQl(String query, Map<String, Object> variables) {
    return graphQl(query, variables, Map.of("X-Tenant-ID", TENANT));
  }

  Answer graphQl(String query, Map<String, Object> variables, Map<String, String> headers) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    try {
      return post("/graphql", JSON.writeValueAsString(body), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Books through GraphQL's {@code createReservation}: the new id; any error fails the test. */
  String createReservation(String userId, String spot, String start, int hours, String totalCost) {
    Answer answer =
        graphQl(
            "mutation { createReservation(input: {userId: \""
                + userId
                + "\", parkingSpotId: \""
                + spot
                + "\", startTime: \""
                + start
                + "\", durationHours: "
                + hours
                + ", totalCost: "
                + totalCost
                + "}) { id } }",
            Map.of());
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    return answer.json().path("data").path("createReservation").path("id").asText();
  }

  /**
   * Posts {@code body}. A body over 1 MiB is announced with {@code Expect: 100-continue}, as curl
   * does: the server may refuse it (413) from its headers alone and close the connection, and a
   * client still uploading would otherwise see the connection reset instead of the answer.
   */
  Answer post(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .expectContinue(body.length() > 1 << 20)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
