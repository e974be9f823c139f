package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.ScriptedPayments;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.http.Matrix.Cell;
import com.parkora.reservation.http.Matrix.Operation;
import com.parkora.reservation.http.Matrix.Outcome;
import com.parkora.reservation.http.Matrix.Reach;
import com.parkora.reservation.http.Matrix.Seed;
import com.parkora.reservation.http.Matrix.Target;
import com.parkora.reservation.http.Matrix.Who;
import com.parkora.reservation.memory.InMemoryStorage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may touch what, over real HTTP with verified tokens: two users, an admin, the payment
 * service's role and an anonymous caller, against every query, mutation and REST path, with
 * authentication optional and required. Every reservation acted on is Alice's; each cell is its own
 * test with its own reservation.
 */
class OwnershipMatrixTest {

  static final TenantId TENANT = TenantId.parse(RunningApi.TENANT);

  private static LocalRealm realm;
  private static final Map<AuthMode, RunningApi> APIS = new EnumMap<>(AuthMode.class);

  @BeforeAll
  static void start() {
    realm = new LocalRealm();
    for (AuthMode mode : new AuthMode[] {AuthMode.OPTIONAL, AuthMode.REQUIRED}) {
      ReservationService service =
          ReservationService.builder(new InMemoryStorage())
              .clock(RunningApi.CLOCK)
              .paymentGateway(new ScriptedPayments())
              .build();
      APIS.put(
          mode,
          RunningApi.start(
              service,
              HttpSettings.builder().authMode(mode).callerResolver(realm.verifier()).build()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    APIS.values().forEach(RunningApi::close);
    realm.close();
  }

  @TestFactory
  Stream<DynamicContainer> authentication_optional() {
    return matrix(AuthMode.OPTIONAL);
  }

  @TestFactory
  Stream<DynamicContainer> authentication_required() {
    return matrix(AuthMode.REQUIRED);
  }

  @Test
  void a_token_whose_subject_is_not_printable_text_is_refused_and_writes_nothing() {
    RunningApi api = APIS.get(AuthMode.OPTIONAL);
    long before = api.service.eventStats(TENANT).totalEvents();
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Tenant-ID", RunningApi.TENANT);
    headers.put("Authorization", "Bearer " + realm.token("admin\u0007\n", "admin"));
    Map<String, Object> variables = new HashMap<>();
    variables.put("user", Who.ALICE.subject());
    variables.put("spot", "H-1");

    RunningApi.Answer answer = api.graphQl(MatrixOperations.CREATE, variables, headers);

    assertThat(code(answer.json())).as(answer.body()).isEqualTo("INVALID_INPUT");
    assertThat(answer.json().at("/errors/0/message").asText()).contains("subject");
    assertThat(api.service.eventStats(TENANT).totalEvents()).isEqualTo(before);
  }

  /** The rule the matrix holds the service to (docs/tenancy.md, Authorization). */
  static Outcome expected(AuthMode mode, Who who, Operation op) {
    if (op.reach() == Reach.PUBLIC) {
      return Outcome.ALLOWED;
    }
    if (who == Who.ANONYMOUS && mode == AuthMode.REQUIRED) {
      return Outcome.UNAUTHENTICATED;
    }
    return switch (op.reach()) {
      case PUBLIC, OPEN -> Outcome.ALLOWED;
      case ADMIN ->
          who == Who.ADMIN
              ? Outcome.ALLOWED
              : who == Who.ANONYMOUS ? Outcome.UNAUTHENTICATED : Outcome.FORBIDDEN;
      case OWN -> who == Who.BOB ? op.forOthers() : Outcome.ALLOWED;
      case SETTLE -> who == Who.ALICE || who == Who.BOB ? Outcome.FORBIDDEN : Outcome.ALLOWED;
    };
  }

  private Stream<DynamicContainer> matrix(AuthMode mode) {
    return MatrixOperations.all().stream()
        .map(
            op ->
                DynamicContainer.dynamicContainer(
                    op.name(),
                    Stream.of(Who.values())
                        .map(
                            who -> {
                              Outcome outcome = expected(mode, who, op);
                              return DynamicTest.dynamicTest(
                                  who + " -> " + outcome, () -> cell(mode, who, op, outcome));
                            })));
  }

  private static void cell(AuthMode mode, Who who, Operation op, Outcome outcome) {
    RunningApi api = APIS.get(mode);
    Target target = seed(api, op.seed());
    String requestId = "matrix-" + UUID.randomUUID();
    Cell cell = new Cell(who, target, requestId, api);
    RunningApi.Answer answer = call(op, cell, headers(who, requestId));
    JsonNode body = answer.json();
    switch (outcome) {
      case ALLOWED, HIDDEN -> {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(body.path("errors").isMissingNode()).as(answer.body()).isTrue();
        JsonNode shown = op.graphQl() != null ? body.path("data") : body;
        (outcome == Outcome.ALLOWED ? op.allowed() : op.hidden()).check(shown, cell);
      }
      case NOT_FOUND -> {
        assertThat(code(body)).as(answer.body()).isEqualTo("NOT_FOUND");
        assertThat(body.at("/errors/0/message").asText())
            .isEqualTo("Reservation " + target.id() + " not found");
        assertThat(MatrixOperations.status(cell)).isEqualTo(seededStatus(op.seed()));
      }
      case FORBIDDEN -> {
        assertThat(answer.status()).as(answer.body()).isEqualTo(op.graphQl() != null ? 200 : 403);
        assertThat(code(body)).as(answer.body()).isEqualTo("FORBIDDEN");
        if (op.seed() != Seed.NONE) {
          assertThat(MatrixOperations.status(cell)).isEqualTo(seededStatus(op.seed()));
        }
      }
      case UNAUTHENTICATED -> {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(code(body)).as(answer.body()).isEqualTo("UNAUTHENTICATED");
      }
    }
  }

  private static Target seed(RunningApi api, Seed seed) {
    String owner = Who.ALICE.subject();
    String spot = "M-" + UUID.randomUUID();
    if (seed == Seed.NONE) {
      return new Target(null, spot, owner);
    }
    String id =
        api.service.create(TENANT, owner, spot, MatrixOperations.START, 2, 5.0).id().toString();
    if (seed == Seed.CONFIRMED) {
      api.service.confirm(TENANT, id, "txn-seed");
    }
    return new Target(id, spot, owner);
  }

  private static ReservationStatus seededStatus(Seed seed) {
    return seed == Seed.CONFIRMED ? ReservationStatus.CONFIRMED : ReservationStatus.PENDING;
  }

  private static RunningApi.Answer call(Operation op, Cell cell, Map<String, String> headers) {
    if (op.graphQl() != null) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("user", cell.target().owner());
      variables.put("spot", cell.target().spot());
      variables.put("id", cell.target().id());
      return cell.api().graphQl(op.graphQl(), variables, headers);
    }
    return op.restMethod().equals("POST")
        ? cell.api().post(op.name(), "{}", headers)
        : cell.api().get(op.name(), headers);
  }

  private static Map<String, String> headers(Who who, String requestId) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Tenant-ID", RunningApi.TENANT);
    headers.put(RequestIds.HEADER, requestId);
    if (who != Who.ANONYMOUS) {
      String[] roles = who.roles().isEmpty() ? new String[0] : new String[] {who.roles()};
      headers.put("Authorization", "Bearer " + realm.token(who.subject(), roles));
    }
    return headers;
  }

  /** The code of a GraphQL answer's first error, or of a REST error. */
  private static String code(JsonNode body) {
    JsonNode graphQl = body.at("/errors/0/extensions/code");
    return graphQl.isMissingNode() ? body.path("error").asText() : graphQl.asText();
  }
}
