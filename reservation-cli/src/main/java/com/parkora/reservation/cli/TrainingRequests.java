package com.parkora.reservation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of a training run ({@link TrainCommand}): what the front end, the payment service,
 * the probes, Prometheus and a browser on the documentation pages send, in the documents of
 * docs/graphql.md, so the classes and methods they use are the ones the ahead-of-time cache holds.
 * Every answer is checked: a training run that does not book anything fails instead of writing a
 * cache of error paths.
 */
final class TrainingRequests {

  static final String TENANT = "5a1e7f3c-0b7d-4e8a-9c21-7d6f4b2a9e10";
  private static final String USER = "9d2c4e6a-1b3f-4a5c-8e7d-0f1a2b3c4d5e";
  private static final Instant FIRST_START = Instant.parse("2031-01-06T08:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * What a browser loads with the pages: their scripts and style sheets, served from the jar (the
   * pages are at the root, so a relative path is one from the root).
   */
  private static final Pattern ASSET = Pattern.compile("(?<=[\"'/])webjars/[^\"'\\s]+");

  private static final String CREATE =
      "mutation CreateReservation($input: CreateReservationInput!) { createReservation(input:"
          + " $input) { id status totalCost startTime endTime durationHours parkingSpotId } }";
  private static final String BY_USER =
      "query GetUserReservations($userId: String!, $includeCompleted: Boolean!) {"
          + " reservationsByUser(userId: $userId, includeCompleted: $includeCompleted) { id status"
          + " totalCost startTime endTime durationHours parkingSpotId createdAt transactionId } }";
  private static final String BY_ID =
      "query GetReservation($id: String!) { reservationById(id: $id) { id tenantId userId"
          + " totalCost status } }";
  private static final String CONFIRM =
      "mutation ConfirmReservation($id: String!, $transactionId: String) { confirmReservation(id:"
          + " $id, transactionId: $transactionId) { id status transactionId } }";
  private static final String CANCEL =
      "mutation CancelReservation($id: String!, $reason: String) { cancelReservation(id: $id,"
          + " reason: $reason) { id status } }";
  private static final String COMPLETE =
      "mutation Complete($id: String!) { completeReservation(id: $id) { id status } }";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI base;
  private final BooleanSupplier serverGone;
  private int answered;

  /**
   * @param base the service's address
   * @param serverGone true once the service stopped (waiting for it ends then)
   */
  TrainingRequests(URI base, BooleanSupplier serverGone) {
    this.base = base;
    this.serverGone = serverGone;
  }

  /** Waits until {@code /health/ready} answers 200. */
  void awaitReady(Duration deadline) throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    while (Instant.now().isBefore(end)) {
      if (serverGone.getAsBoolean()) {
        throw new CliException("serve stopped before it was ready");
      }
      try {
        if (send(get("/health/ready").build()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new CliException("serve was not ready within " + deadline.toSeconds() + " s");
  }

  /** Sends {@code rounds} rounds of the booking flow; answers the number of requests answered. */
  int exercise(int rounds) throws IOException, InterruptedException {
    for (String path : new String[] {"/", "/openapi.json"}) {
      expect(200, get(path).build());
    }
    for (String page : new String[] {"/docs", "/redoc", "/graphql"}) {
      String html = expect(200, get(page).header("Accept", "text/html").build());
      Matcher asset = ASSET.matcher(html);
      int assets = 0;
      for (; asset.find(); assets++) {
        expect(200, get("/" + asset.group()).build());
      }
      if (assets == 0) {
        throw new CliException(page + " names no script or style sheet under webjars/");
      }
    }
    for (int round = 0; round < rounds; round++) {
      booking(round);
      expect(200, get("/health/live").build());
      expect(200, get("/health/ready").build());
      if (round % 10 == 0) {
        expect(200, get("/stats").build());
        expect(200, get("/admin/events/stats").build());
        expect(200, get("/metrics").build());
      }
    }
    return answered;
  }

  private void booking(int round) throws IOException, InterruptedException {
    Instant start = FIRST_START.plus(Duration.ofHours(3L * round));
    Map<String, Object> input =
        Map.of(
            "userId",
            USER,
            "parkingSpotId",
            "T-" + (round % 40),
            "startTime",
            start.toString(),
            "durationHours",
            1 + round % 3,
            "totalCost",
            2.5 * (1 + round % 3));
    String id = data(CREATE, Map.of("input", input)).path("createReservation").path("id").asText();
    data(BY_ID, Map.of("id", id));
    data(BY_USER, Map.of("userId", USER, "includeCompleted", round % 2 == 0));
    if (round % 2 == 0) {
      data(CONFIRM, Map.of("id", id, "transactionId", "training-" + round));
      if (round % 4 == 0) {
        data(COMPLETE, Map.of("id", id));
      }
    } else {
      data(CANCEL, Map.of("id", id, "reason", "training"));
    }
    JsonNode refused = graphQl(CREATE, Map.of("input", Map.of("userId", USER)));
    if (!refused.has("errors")) {
      throw new CliException("an incomplete reservation was not refused: " + refused);
    }
  }

  private JsonNode data(String document, Map<String, Object> variables)
      throws IOException, InterruptedException {
    JsonNode answer = graphQl(document, variables);
    if (answer.has("errors") || !answer.has("data")) {
      throw new CliException("GraphQL request failed during training: " + answer);
    }
    return answer.get("data");
  }

  private JsonNode graphQl(String document, Map<String, Object> variables)
      throws IOException, InterruptedException {
    byte[] body = json.writeValueAsBytes(Map.of("query", document, "variables", variables));
    HttpRequest request =
        request("/graphql")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return json.readTree(expect(200, request));
  }

  private String expect(int status, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = send(request);
    if (response.statusCode() != status) {
      throw new CliException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + " during training: "
              + response.body());
    }
    answered++;
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("X-Tenant-ID", TENANT);
  }
}
