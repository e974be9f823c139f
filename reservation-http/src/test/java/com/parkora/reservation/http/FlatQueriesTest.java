package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import com.parkora.reservation.memory.InMemoryStorage;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flat answers of {@link FlatQueries} are byte for byte what graphql-java's execution
 * serializes to: for the clients' documents and for several hundred random selections of root
 * fields, arguments (literal, variables, defaults, bad values), aliases, duplicates and fields that
 * only graphql-java can answer.
 */
class FlatQueriesTest {

  private static final ObjectMapper JSON = HttpApi.jsonMapper();
  private static final TenantId TENANT = new TenantId(UUID.fromString(RunningApi.TENANT));
  private static final List<String> USERS =
      List.of(
          "22222222-2222-4222-8222-222222222222",
          "33333333-3333-4333-8333-333333333333",
          "44444444-4444-4444-8444-444444444444");
  private static final List<String> FIELDS =
      List.of(
          "id",
          "tenantId",
          "userId",
          "parkingSpotId",
          "startTime",
          "endTime",
          "durationHours",
          "totalCost",
          "status",
          "transactionId",
          "createdAt",
          "updatedAt",
          "__typename");
  private static final List<String> STATUSES =
      List.of("PENDING", "CONFIRMED", "CANCELLED", "COMPLETED", "BOGUS");

  private static GraphQlEngine engine;
  private static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void seed() {
    ReservationService service = RunningApi.service(new InMemoryStorage());
    engine = engine(service);
    for (int i = 0; i < 30; i++) {
      String id =
          service
              .create(
                  TENANT,
                  USERS.get(i % 3),
                  i < 24 ? "spot-" + (i % 4) : ESCAPED_SPOTS.get(i % 2) + (i % 4),
                  "2026-12-%02dT%02d:15:00Z".formatted(1 + i / 10, 6 + i % 10),
                  1 + i % 3,
                  i % 2 == 0 ? 2.5 * (i + 1) : 7.0 / 3 * i)
              .id()
              .toString();
      ids.add(id);
      switch (i % 5) {
        case 1 -> service.confirm(TENANT, id, i < 20 ? "txn-" + i : "txn \"" + i + "\" \u2028 \\");
        case 2 -> service.cancel(TENANT, id, "plans \"changed\" \u00e9 \u2603");
        case 3 -> {
          service.confirm(TENANT, id, null);
          service.complete(TENANT, id);
        }
        default -> {}
      }
    }
  }

  /** Spots whose text JSON escapes (quotes, backslashes) or that go beyond ASCII. */
  private static final List<String> ESCAPED_SPOTS =
      List.of("spot \"quoted\" \\ \u00e9", "spot </b> \u2603 \u2029 \\\"");

  private static GraphQlEngine engine(ReservationService service) {
    return engine(service, new SimpleMeterRegistry());
  }

  private static GraphQlEngine engine(ReservationService service, MeterRegistry registry) {
    return engine(new ReservationFetchers(service, new HttpMetrics(registry)).wiring());
  }

  private static GraphQlEngine engine(RuntimeWiring wiring) {
    return new GraphQlEngine(
        wiring,
        HttpSettings.defaults().maxQueryDepth(),
        HttpSettings.defaults().maxQueryComplexity(),
        ResponseBudget.MAX_ROWS,
        JSON.getFactory());
  }

  @Test
  void over_http_text_beyond_the_basic_plane_is_the_same_bytes_flat_or_not() {
    try (RunningApi api = RunningApi.inMemory()) {
      api.createReservation(
          USERS.getFirst(), "spot-\ud83d\ude97", "2026-12-01T09:30:00Z", 2, "3.50");
      api.createReservation(
          USERS.getFirst(), "\ud83c\udd7f\ufe0f 12", "2026-12-01T09:30:00Z", 1, "2");
      RunningApi.Answer first = answeredTwiceAlike(api);
      assertThat(
              first
                  .json()
                  .path("data")
                  .path("reservationsByUser")
                  .findValuesAsText("parkingSpotId"))
          .containsExactlyInAnyOrder("spot-\ud83d\ude97", "\ud83c\udd7f\ufe0f 12");
    }
  }

  @Test
  void the_clients_lists_and_look_ups_are_answered_flat_and_the_same() {
    Map<String, Object> byUser = new HashMap<>();
    byUser.put("userId", USERS.getFirst());
    byUser.put("includeCompleted", true);
    assertSame(ClientDocuments.GET_USER_RESERVATIONS, null, byUser, anonymous(), true);
    byUser.put("includeCompleted", false);
    assertSame(ClientDocuments.GET_USER_RESERVATIONS, null, byUser, user(0), true);
    assertSame(ClientDocuments.GET_RESERVATION, null, Map.of("id", ids.get(1)), anonymous(), true);
    assertSame(
        ClientDocuments.GET_RESERVATION,
        "GetReservation",
        Map.of("id", UUID.randomUUID().toString()),
        anonymous(),
        true);
  }

  @Test
  void what_graphql_java_must_answer_is_left_to_it() {
    assertSame(
        "{ reservations { ... on Reservation { id } } }", null, Map.of(), anonymous(), false);
    assertSame("{ reservations { id @include(if: true) } }", null, Map.of(), anonymous(), false);
    assertSame("{ reservationStats { totalReservations } }", null, Map.of(), anonymous(), false);
    assertSame("{ __typename reservations { id } }", null, Map.of(), anonymous(), false);
    assertSame(ClientDocuments.GET_USER_RESERVATIONS, null, Map.of(), anonymous(), false);
    assertSame(
        ClientDocuments.GET_RESERVATION, "Other", Map.of("id", ids.get(1)), anonymous(), false);
    assertSame(
        "query Q($u: String!) { reservationsByUser(userId: $u) { id } }",
        null,
        Map.of("u", USERS.get(1)),
        user(0),
        false);
    assertSame("{ reservations(status: \"BOGUS\") { id } }", null, Map.of(), anonymous(), false);
  }

  /** Every field of a reservation. */
  private static final String ROW =
      "{ id tenantId userId parkingSpotId startTime endTime durationHours totalCost status"
          + " transactionId createdAt updatedAt __typename }";

  /** The front end's selection in its create document. */
  private static final String CLIENT_ROW =
      "{ id status totalCost startTime endTime durationHours parkingSpotId }";

  @Test
  void commands_are_answered_flat_run_once_and_the_same() {
    ReservationService service = RunningApi.service(new InMemoryStorage());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GraphQlEngine commands = engine(service, registry);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GraphQlEngine.Outcome outcome =
          command(
              commands,
              ClientDocuments.CREATE_RESERVATION,
              "createReservation",
              CLIENT_ROW,
              ClientDocuments.oneHourOf("cmd-" + i),
              anonymous());
      // the first time graphql-java answers, and the document is planned
      assertThat(outcome.flat() != null).as("create %d answered flat", i).isEqualTo(i > 0);
      created.add(idOf(outcome, "createReservation"));
    }
    GraphQlEngine.Outcome confirmed = null;
    for (int i = 0; i < 2; i++) {
      confirmed =
          command(
              commands,
              ClientDocuments.CONFIRM_RESERVATION,
              "confirmReservation",
              "{ id status transactionId }",
              Map.of("id", created.get(i), "transactionId", "txn \"" + i + "\" \u00e9"),
              anonymous());
    }
    assertThat(confirmed.flat()).isNotNull();
    String every =
        "mutation C($id: String!, $why: String) { c: cancelReservation(id: $id, reason: $why) "
            + ROW
            + " }";
    for (int i = 1; i < 3; i++) {
      command(commands, every, "c", ROW, Map.of("id", created.get(i), "why", "no"), user(0));
    }
    String complete =
        "mutation { completeReservation(id: \"" + created.getFirst() + "\") " + ROW + " }";
    command(commands, complete, "completeReservation", ROW, Map.of(), anonymous());
    assertThat(service.list(TENANT, null, null, 100, 0)).hasSize(3);
    assertThat(count(registry, "create", "OK")).isEqualTo(3);
    assertThat(count(registry, "confirm", "OK")).isEqualTo(2);
    assertThat(count(registry, "cancel", "OK")).isEqualTo(2);
    assertThat(count(registry, "complete", "OK")).isEqualTo(1);
  }

  @Test
  void a_command_that_fails_runs_once_and_graphql_java_shapes_its_error() {
    ReservationService service = RunningApi.service(new InMemoryStorage());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    GraphQlEngine commands = engine(service, registry);
    String taken =
        service
            .create(TENANT, USERS.getFirst(), "taken", "2026-12-01T09:30:00Z", 1, 1.0)
            .id()
            .toString();
    Map<String, Object> input = new HashMap<>(inputOf(ClientDocuments.oneHourOf("taken")));
    List<Failure> failures =
        List.of(
            new Failure(
                ClientDocuments.CREATE_RESERVATION,
                Map.of("input", input),
                anonymous(),
                "create",
                "SLOT_UNAVAILABLE"),
            new Failure(
                ClientDocuments.CREATE_RESERVATION,
                Map.of("input", with(input, "startTime", "tomorrow")),
                anonymous(),
                "create",
                "INVALID_INPUT"),
            new Failure(
                ClientDocuments.CREATE_RESERVATION,
                Map.of("input", with(input, "parkingSpotId", "free")),
                user(1),
                "create",
                "FORBIDDEN"),
            new Failure(
                ClientDocuments.CONFIRM_RESERVATION,
                Map.of("id", UUID.randomUUID().toString()),
                anonymous(),
                "confirm",
                "NOT_FOUND"),
            new Failure(
                "mutation { completeReservation(id: \"" + taken + "\") { id } }",
                Map.of(),
                anonymous(),
                "complete",
                "INVALID_STATE"));
    for (Failure failure : failures) {
      GraphQlRequest request = new GraphQlRequest(failure.document(), null, failure.variables());
      // graphql-java answers first, and the document is planned
      String expected = bytes(commands.executeByGraphQlJava(request, failure.tenancy()));
      double before = count(registry, failure.command(), failure.code());
      GraphQlEngine.Outcome outcome = commands.execute(request, failure.tenancy());
      assertThat(outcome.flat()).isNull();
      assertThat(outcome.firstErrorCode()).isEqualTo(failure.code());
      assertThat(bytes(outcome)).as(failure.code()).isEqualTo(expected);
      assertThat(count(registry, failure.command(), failure.code()) - before)
          .as("runs of %s", failure.code())
          .isEqualTo(1);
    }
    // variables that do not coerce: nothing runs, graphql-java answers
    GraphQlRequest uncoerced =
        new GraphQlRequest(
            ClientDocuments.CREATE_RESERVATION,
            null,
            Map.of("input", with(input, "durationHours", "two")));
    assertThat(bytes(commands.execute(uncoerced, anonymous())))
        .isEqualTo(bytes(commands.executeByGraphQlJava(uncoerced, anonymous())));
    assertThat(service.list(TENANT, null, null, 100, 0)).hasSize(1);
  }

  @Test
  void a_command_whose_row_is_not_written_flat_is_answered_by_graphql_java_without_running_again() {
    int[] runs = {0};
    ReservationOut unwritable = pendingRow(Double.NaN);
    ReservationFetchers.Command create =
        env -> {
          ReservationFetchers.AnsweredResult answered =
              env.getGraphQlContext().get(ReservationFetchers.AnsweredResult.class);
          if (answered != null) {
            return (ReservationOut) answered.outcome();
          }
          runs[0]++;
          return unwritable;
        };
    GraphQlEngine engine = creatingBy(create);
    String expected = bytes(engine.execute(CREATE, anonymous()));
    assertThat(runs[0]).isEqualTo(1);
    GraphQlEngine.Outcome second = engine.execute(CREATE, anonymous());
    assertThat(runs[0]).isEqualTo(2);
    assertThat(second.flat()).isNull();
    assertThat(bytes(second)).isEqualTo(expected).contains("totalCost");
  }

  @Test
  void a_mutation_whose_fetcher_is_not_a_command_is_left_to_graphql_java() {
    int[] runs = {0};
    DataFetcher<ReservationOut> plain =
        env -> {
          runs[0]++;
          return pendingRow(1.0);
        };
    GraphQlEngine engine = creatingBy(plain);
    String first = bytes(engine.execute(CREATE, anonymous()));
    GraphQlEngine.Outcome second = engine.execute(CREATE, anonymous());
    assertThat(second.flat()).isNull();
    assertThat(bytes(second)).isEqualTo(first);
    assertThat(runs[0]).isEqualTo(2);
  }

  /** The front end's create, for an engine whose create is the test's own fetcher. */
  private static final GraphQlRequest CREATE =
      new GraphQlRequest(ClientDocuments.CREATE_RESERVATION, null, ClientDocuments.oneHourOf("x"));

  /** An engine whose {@code createReservation} is {@code create}. */
  private static GraphQlEngine creatingBy(DataFetcher<ReservationOut> create) {
    return engine(
        RuntimeWiring.newRuntimeWiring()
            .type("Mutation", mutation -> mutation.dataFetcher("createReservation", create))
            .build());
  }

  /** A pending reservation's row at {@code cost}. */
  private static ReservationOut pendingRow(double cost) {
    return new ReservationOut(
        ids.getFirst(),
        TENANT.toString(),
        USERS.getFirst(),
        "spot",
        "2026-12-01T09:30:00Z",
        "2026-12-01T10:30:00Z",
        1,
        cost,
        "PENDING",
        null,
        "2026-11-30T00:00:00Z",
        "2026-11-30T00:00:00Z");
  }

  /**
   * Runs a command document through the engine; when it answers a reservation, that answer is the
   * same bytes as graphql-java's answer for the reservation it left, read back under the same key
   * with the same selection.
   */
  private static GraphQlEngine.Outcome command(
      GraphQlEngine engine,
      String document,
      String key,
      String selection,
      Map<String, Object> variables,
      Tenancy tenancy) {
    GraphQlEngine.Outcome outcome =
        engine.execute(new GraphQlRequest(document, null, variables), tenancy);
    assertThat(outcome.firstErrorCode()).as("%s %s", document, variables).isNull();
    String id = idOf(outcome, key);
    String readBack = "{ " + key + ": reservationById(id: \"" + id + "\") " + selection + " }";
    assertThat(bytes(outcome))
        .isEqualTo(
            bytes(
                engine.executeByGraphQlJava(
                    new GraphQlRequest(readBack, null, Map.of()), tenancy)));
    return outcome;
  }

  private static String idOf(GraphQlEngine.Outcome outcome, String key) {
    try {
      return JSON.readTree(bytes(outcome)).path("data").path(key).path("id").asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static double count(MeterRegistry registry, String command, String outcome) {
    Counter counter =
        registry
            .find("reservation.commands")
            .tags("command", command, "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** A command that fails: its document, variables and caller, the command and the code. */
  private record Failure(
      String document,
      Map<String, Object> variables,
      Tenancy tenancy,
      String command,
      String code) {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inputOf(Map<String, Object> variables) {
    return (Map<String, Object>) variables.get("input");
  }

  private static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
    Map<String, Object> changed = new HashMap<>(input);
    changed.put(field, value);
    return changed;
  }

  @Test
  void random_selections_answer_the_same_flat_or_not() {
    Random random = new Random(20261202);
    int flat = 0;
    int documents = 400;
    for (int n = 0; n < documents; n++) {
      Map<String, Object> variables = new LinkedHashMap<>();
      List<String> declarations = new ArrayList<>();
      StringBuilder roots = new StringBuilder();
      int rootCount = 1 + random.nextInt(3);
      for (int r = 0; r < rootCount; r++) {
        roots
            .append(" r")
            .append(r)
            .append(": ")
            .append(rootField(random, r, variables, declarations));
      }
      String header = declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")";
      String query =
          declarations.isEmpty() && random.nextBoolean()
              ? "{" + roots + " }"
              : "query Random" + n + header + " {" + roots + " }";
      Tenancy tenancy = random.nextInt(4) == 0 ? user(random.nextInt(3)) : anonymous();
      if (answer(query, null, variables, tenancy)) {
        flat++;
      }
    }
    assertThat(flat).as("documents answered flat").isBetween(documents / 3, documents - 20);
  }

  @Test
  void over_http_the_second_answer_is_flat_and_the_same_bytes_and_headers() {
    try (RunningApi api = RunningApi.inMemory()) {
      api.createReservation(USERS.getFirst(), "spot-1", "2026-12-01T09:30:00Z", 2, "3.50");
      RunningApi.Answer first = answeredTwiceAlike(api);
      assertThat(first.json().path("data").path("reservationsByUser").size()).isEqualTo(1);
    }
  }

  @Test
  void over_http_a_command_answered_flat_has_graphql_javas_headers_and_shape() {
    try (RunningApi api = RunningApi.inMemory()) {
      RunningApi.Answer first =
          api.graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf("http-1"));
      RunningApi.Answer second =
          api.graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf("http-2"));
      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(first.status());
      assertThat(second.contentType()).isEqualTo(first.contentType());
      // the same row but for its id and spot, both of the same length
      assertThat(second.header("Content-Length")).isEqualTo(first.header("Content-Length"));
      String id = first.json().path("data").path("createReservation").path("id").asText();
      String otherId = second.json().path("data").path("createReservation").path("id").asText();
      assertThat(second.body().replace(otherId, id).replace("http-2", "http-1"))
          .isEqualTo(first.body());
      RunningApi.Answer taken =
          api.graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf("http-2"));
      assertThat(taken.status()).isEqualTo(200);
      assertThat(taken.json().path("errors").path(0).path("extensions").path("code").asText())
          .isEqualTo("SLOT_UNAVAILABLE");
      assertThat(taken.json().path("data").isNull()).isTrue();
    }
  }

  /**
   * Asks for the first user's active reservations twice (graphql-java answers the first time, the
   * cached plan flat the second) and checks that both answers are the same bytes and headers.
   */
  private static RunningApi.Answer answeredTwiceAlike(RunningApi api) {
    Map<String, Object> variables = Map.of("userId", USERS.getFirst(), "includeCompleted", false);
    RunningApi.Answer first = api.graphQl(ClientDocuments.GET_USER_RESERVATIONS, variables);
    RunningApi.Answer second = api.graphQl(ClientDocuments.GET_USER_RESERVATIONS, variables);
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.contentType()).isEqualTo(first.contentType());
    assertThat(second.header("Content-Length")).isEqualTo(first.header("Content-Length"));
    return first;
  }

  private static void assertSame(
      String query,
      String operationName,
      Map<String, Object> variables,
      Tenancy tenancy,
      boolean flat) {
    assertThat(answer(query, operationName, variables, tenancy))
        .as("answered flat: %s %s", query, variables)
        .isEqualTo(flat);
  }

  /** Runs a document both ways (priming the cache first) and compares the bytes. */
  private static boolean answer(
      String query, String operationName, Map<String, Object> variables, Tenancy tenancy) {
    GraphQlRequest request = new GraphQlRequest(query, operationName, variables);
    engine.execute(request, tenancy);
    String expected = bytes(engine.executeByGraphQlJava(request, tenancy));
    GraphQlEngine.Outcome outcome = engine.execute(request, tenancy);
    assertThat(bytes(outcome)).as("%s with %s", query, variables).isEqualTo(expected);
    return outcome.flat() != null;
  }

  private static String bytes(GraphQlEngine.Outcome outcome) {
    if (outcome.flat() != null) {
      return new String(outcome.flat().bytes(), StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsString(outcome.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static Tenancy anonymous() {
    return new Tenancy(Optional.of(TENANT), Optional.empty(), "request", AuthMode.OPTIONAL);
  }

  private static Tenancy user(int index) {
    return new Tenancy(
        Optional.of(TENANT),
        Optional.of(new Caller(USERS.get(index), Optional.of(TENANT))),
        "request",
        AuthMode.OPTIONAL);
  }

  private static String rootField(
      Random random, int root, Map<String, Object> variables, List<String> declarations) {
    int field = random.nextInt(7);
    return field == 6
        ? "reservationStats { totalReservations activeReservations }"
        : reservationField(random, field, root, variables, declarations) + " " + selection(random);
  }

  private static final List<String> RESERVATION_FIELDS =
      List.of(
          "reservations",
          "reservationsByUser",
          "reservationsByParkingSpot",
          "reservationById",
          "reservationHistory",
          "reservationAt");

  private static String reservationField(
      Random random,
      int field,
      int root,
      Map<String, Object> variables,
      List<String> declarations) {
    Argument id = new Argument("id", "String!", () -> anId(random));
    List<Argument> accepted =
        switch (field) {
          case 0 ->
              List.of(
                  new Argument("status", "String", () -> pick(random, STATUSES)),
                  new Argument("userId", "String", () -> pick(random, USERS)),
                  new Argument("limit", "Int", () -> random.nextInt(40) - 2),
                  new Argument("offset", "Int", () -> random.nextInt(12)));
          case 1 ->
              List.of(
                  new Argument(
                      "userId",
                      "String!",
                      () -> random.nextInt(10) == 0 ? "not-a-user" : pick(random, USERS)),
                  new Argument("includeCompleted", "Boolean", random::nextBoolean));
          case 2 ->
              List.of(
                  new Argument("parkingSpotId", "String!", () -> "spot-" + random.nextInt(5)),
                  new Argument(
                      "startTime",
                      "String",
                      () -> "2026-12-0%dT00:00:00Z".formatted(1 + random.nextInt(3))),
                  new Argument(
                      "endTime",
                      "String",
                      () -> "2026-12-0%dT12:00:00Z".formatted(1 + random.nextInt(4))));
          case 3, 4 -> List.of(id);
          default ->
              List.of(
                  id, new Argument("asOf", "String!", () -> RunningApi.CLOCK.instant().toString()));
        };
    return RESERVATION_FIELDS.get(field)
        + arguments(random, root, variables, declarations, accepted);
  }

  private static String anId(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> UUID.randomUUID().toString();
      case 1 -> "not-an-id";
      default -> pick(random, ids);
    };
  }

  /** An argument of a root field: its name, GraphQL type and a value of it. */
  private record Argument(String name, String type, Supplier<Object> value) {}

  /**
   * Each argument omitted, a literal, or a variable (declared with or without a default; given,
   * missing, null or of the wrong type). Required arguments are seldom left out.
   */
  private static String arguments(
      Random random,
      int root,
      Map<String, Object> variables,
      List<String> declarations,
      List<Argument> arguments) {
    List<String> written = new ArrayList<>();
    for (Argument argument : arguments) {
      boolean required = argument.type().endsWith("!");
      int choice = random.nextInt(required ? 10 : 3);
      if (choice == 0 && !(required && random.nextInt(3) > 0)) {
        continue;
      }
      if (choice % 2 == 1) {
        written.add(argument.name() + ": " + literal(argument.value().get()));
        continue;
      }
      String variable = argument.name() + root;
      String declaration = "$" + variable + ": " + argument.type();
      if (!required && random.nextInt(4) == 0) {
        declaration += " = " + literal(argument.value().get());
      }
      declarations.add(declaration);
      written.add(argument.name() + ": $" + variable);
      switch (random.nextInt(8)) {
        case 0 -> {}
        case 1 -> variables.put(variable, null);
        case 2 -> variables.put(variable, random.nextBoolean() ? "12" : 7.5);
        default -> variables.put(variable, argument.value().get());
      }
    }
    return written.isEmpty() ? "" : "(" + String.join(", ", written) + ")";
  }

  private static String literal(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  /** A random non-empty set of fields in random order, some aliased, some twice. */
  private static String selection(Random random) {
    List<String> fields = new ArrayList<>(FIELDS);
    Collections.shuffle(fields, random);
    List<String> chosen = new ArrayList<>(fields.subList(0, 1 + random.nextInt(fields.size())));
    if (random.nextInt(3) == 0) {
      chosen.add(pick(random, chosen));
    }
    StringBuilder selection = new StringBuilder("{");
    for (int i = 0; i < chosen.size(); i++) {
      selection.append(' ');
      if (random.nextInt(5) == 0) {
        selection.append("f").append(i).append(": ");
      }
      selection.append(chosen.get(i));
    }
    if (random.nextInt(25) == 0) {
      selection.append(" ... on Reservation { id }");
    }
    return selection.append(" }").toString();
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
