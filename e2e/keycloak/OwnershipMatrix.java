import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ownership matrix against a running {@code serve} and a real Keycloak: tokens come from the
 * realm's token endpoint (password grant for the users, client credentials for the payment
 * service), every cell is one request whose outcome is compared with the rule of docs/tenancy.md
 * (Authorization).
 *
 * <p>Run by {@code e2e/keycloak/run} with the service's jar on the class path (for Jackson): {@code
 * java -cp reservation.jar OwnershipMatrix.java <service-url> <keycloak-url> <mode>}.
 */
public final class OwnershipMatrix {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TENANT = "11111111-1111-4111-8111-111111111111";
  private static final String OTHER_TENANT = "22222222-2222-4222-8222-222222222222";
  private static final String ALICE = "a0000000-0000-4000-8000-000000000001";
  private static final String BOB = "b0000000-0000-4000-8000-000000000002";

  private final String service;
  private final boolean required;
  private final List<String> failures = new ArrayList<>();
  private int cells;

  private OwnershipMatrix(String service, boolean required) {
    this.service = service;
    this.required = required;
  }

  public static void main(String[] args) throws Exception {
    String service = args[0];
    String tokenUrl = args[1] + "/realms/parkora/protocol/openid-connect/token";
    boolean required = args[2].equals("required");
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("alice", password(tokenUrl, "alice"));
    tokens.put("bob", password(tokenUrl, "bob"));
    tokens.put("admin", password(tokenUrl, "operator"));
    tokens.put("service", clientCredentials(tokenUrl));
    tokens.put("anonymous", null);
    OwnershipMatrix matrix = new OwnershipMatrix(service, required);
    matrix.run(tokens);
    System.out.printf(
        "AUTH_MODE=%s: %d cells, %d failed%n", args[2], matrix.cells, matrix.failures.size());
    matrix.failures.forEach(failure -> System.out.println("  FAIL " + failure));
    System.exit(matrix.failures.isEmpty() ? 0 : 1);
  }

  private void run(Map<String, String> tokens) throws Exception {
    String alices =
        create(tokens.get("alice"), ALICE)
            .path("data")
            .path("createReservation")
            .path("id")
            .asText();
    String bobs =
        create(tokens.get("bob"), BOB).path("data").path("createReservation").path("id").asText();
    check(
        "setup",
        "alice and bob each book their own",
        !alices.isEmpty() && !bobs.isEmpty(),
        "ids " + alices + ", " + bobs);
    String anonymous = required ? "UNAUTHENTICATED" : null;

    for (var entry : tokens.entrySet()) {
      String who = entry.getKey();
      String token = entry.getValue();
      boolean all = who.equals("admin") || who.equals("service");
      boolean alice = who.equals("alice");
      boolean anon = token == null;

      expect(
          who,
          "createReservation for alice",
          code(create(token, ALICE)),
          anon ? anonymous : (all || alice) ? null : "FORBIDDEN");
      expect(
          who,
          "reservationById(alice's)",
          visible(byId(token, alices)),
          anon ? (required ? "UNAUTHENTICATED" : "visible") : (all || alice) ? "visible" : "null");
      expect(
          who,
          "reservationsByUser(alice)",
          code(
              graphQl(
                  token,
                  "query($u: String!) { reservationsByUser(userId: $u) { id } }",
                  Map.of("u", ALICE))),
          anon ? anonymous : (all || alice) ? null : "FORBIDDEN");
      expect(
          who,
          "reservations lists alice's",
          listed(token, alices),
          anon ? (required ? "UNAUTHENTICATED" : "listed") : (all || alice) ? "listed" : "absent");
      expect(
          who,
          "reservations lists bob's",
          listed(token, bobs),
          anon
              ? (required ? "UNAUTHENTICATED" : "listed")
              : (all || who.equals("bob")) ? "listed" : "absent");
      expect(
          who,
          "eventsByReservation(alice's)",
          events(token, alices),
          anon ? (required ? "UNAUTHENTICATED" : "events") : (all || alice) ? "events" : "empty");
      expect(
          who,
          "cancelReservation(bob's other)",
          code(
              graphQl(
                  token,
                  "mutation($id: String!) { cancelReservation(id: $id, reason: \"matrix\") { id status } }",
                  Map.of("id", id(create(tokens.get("bob"), BOB))))),
          anon ? anonymous : (all || who.equals("bob")) ? null : "NOT_FOUND");
      expect(
          who,
          "confirmReservation by hand",
          code(
              graphQl(
                  token,
                  "mutation($id: String!) { confirmReservation(id: $id, transactionId: \"e2e\") { id status } }",
                  Map.of("id", id(create(tokens.get("alice"), ALICE))))),
          anon ? anonymous : all ? null : "FORBIDDEN");
      expect(
          who,
          "GET /stats",
          String.valueOf(rest(token, "GET", "/stats", TENANT)),
          anon && required ? "401" : "200");
      expect(
          who,
          "GET /admin/events/stats",
          String.valueOf(rest(token, "GET", "/admin/events/stats", TENANT)),
          anon ? "401" : who.equals("admin") ? "200" : "403");
      expect(
          who,
          "POST /admin/rebuild",
          String.valueOf(rest(token, "POST", "/admin/rebuild", TENANT)),
          anon ? "401" : who.equals("admin") ? "200" : "403");
      if (!anon) {
        expect(
            who,
            "the token's tenant when no header",
            String.valueOf(rest(token, "GET", "/stats", null)),
            "200");
        expect(
            who,
            "a header naming another tenant",
            String.valueOf(rest(token, "GET", "/stats", OTHER_TENANT)),
            "403");
        expect(
            who,
            "a tampered token",
            String.valueOf(
                rest(token.substring(0, token.length() - 4) + "AAAA", "GET", "/stats", TENANT)),
            "401");
      }
    }
  }

  private void expect(String who, String cell, String actual, String expected) {
    check(
        who,
        cell,
        java.util.Objects.equals(actual, expected),
        "expected " + expected + ", got " + actual);
  }

  private void check(String who, String cell, boolean holds, String detail) {
    cells++;
    System.out.printf(
        "  %-4s %-10s %-40s %s%n", holds ? "ok" : "FAIL", who, cell, holds ? "" : detail);
    if (!holds) {
      failures.add(who + " / " + cell + ": " + detail);
    }
  }

  private JsonNode create(String token, String user) throws Exception {
    String start =
        Instant.now()
            .plus(1 + (long) (Math.random() * 5000), ChronoUnit.HOURS)
            .truncatedTo(ChronoUnit.HOURS)
            .toString();
    Map<String, Object> input =
        Map.of(
            "userId",
            user,
            "parkingSpotId",
            "E2E-" + UUID.randomUUID(),
            "startTime",
            start,
            "durationHours",
            2,
            "totalCost",
            5.0);
    return graphQl(
        token,
        "mutation($input: CreateReservationInput!) { createReservation(input: $input) { id } }",
        Map.of("input", input));
  }

  private JsonNode byId(String token, String id) throws Exception {
    return graphQl(
        token, "query($id: String!) { reservationById(id: $id) { id userId } }", Map.of("id", id));
  }

  private String visible(JsonNode answer) {
    String code = code(answer);
    return code != null
        ? code
        : answer.path("data").path("reservationById").isObject() ? "visible" : "null";
  }

  private String listed(String token, String id) throws Exception {
    JsonNode answer = graphQl(token, "{ reservations(limit: 500) { id } }", Map.of());
    String code = code(answer);
    if (code != null) {
      return code;
    }
    for (JsonNode row : answer.path("data").path("reservations")) {
      if (row.path("id").asText().equals(id)) {
        return "listed";
      }
    }
    return "absent";
  }

  private String events(String token, String id) throws Exception {
    JsonNode answer =
        graphQl(
            token,
            "query($id: String!) { eventsByReservation(reservationId: $id) { eventType } }",
            Map.of("id", id));
    String code = code(answer);
    return code != null
        ? code
        : answer.path("data").path("eventsByReservation").isEmpty() ? "empty" : "events";
  }

  private static String id(JsonNode created) {
    return created.path("data").path("createReservation").path("id").asText();
  }

  /** The first error's code, or null when the answer has no error. */
  private static String code(JsonNode answer) {
    JsonNode errors = answer.path("errors");
    return errors.isArray() && !errors.isEmpty()
        ? errors.get(0).path("extensions").path("code").asText()
        : null;
  }

  private JsonNode graphQl(String token, String query, Map<String, Object> variables)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service + "/graphql"))
            .header("Content-Type", "application/json")
            .header("X-Tenant-ID", TENANT)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private int rest(String token, String method, String path, String tenant) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (tenant != null) {
      request.header("X-Tenant-ID", tenant);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String password(String tokenUrl, String user) throws Exception {
    return token(
        tokenUrl,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "frontend-app",
            "username",
            user,
            "password",
            user));
  }

  private static String clientCredentials(String tokenUrl) throws Exception {
    return token(
        tokenUrl,
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            "payment-service",
            "client_secret",
            "payment-service-secret"));
  }

  private static String token(String tokenUrl, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the " + form.get("grant_type") + " grant: " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asText();
  }
}
