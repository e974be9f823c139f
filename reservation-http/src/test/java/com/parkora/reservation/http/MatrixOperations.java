package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.http.Matrix.Cell;
import com.parkora.reservation.http.Matrix.Check;
import com.parkora.reservation.http.Matrix.Operation;
import com.parkora.reservation.http.Matrix.Outcome;
import com.parkora.reservation.http.Matrix.Reach;
import com.parkora.reservation.http.Matrix.Seed;
import com.parkora.reservation.port.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every GraphQL field and REST path of docs/graphql.md and docs/rest.md, as the ownership matrix
 * calls them: who may call it ({@link Reach}), what someone else's reservation looks like to an
 * ordinary user, and what an allowed and a hidden answer hold.
 */
final class MatrixOperations {

  static final String START = "2026-12-01T09:30:00Z";

  static final String CREATE =
      "mutation($user: String!, $spot: String!) { createReservation(input: {userId: $user,"
          + " parkingSpotId: $spot, startTime: \""
          + START
          + "\", durationHours: 2, totalCost: 5}) { id status } }";

  private MatrixOperations() {}

  static List<Operation> all() {
    List<Operation> all = new ArrayList<>(queries());
    all.addAll(mutations());
    all.addAll(restPaths());
    return all;
  }

  private static Operation own(String name, Seed seed, String doc, Check allowed, Check hidden) {
    return new Operation(name, Reach.OWN, Outcome.HIDDEN, seed, doc, null, allowed, hidden);
  }

  private static Operation naming(String name, Seed seed, String doc, Check allowed) {
    return new Operation(name, Reach.OWN, Outcome.FORBIDDEN, seed, doc, null, allowed, null);
  }

  private static Operation missing(String name, Seed seed, String doc, Check allowed) {
    return new Operation(name, Reach.OWN, Outcome.NOT_FOUND, seed, doc, null, allowed, null);
  }

  private static Operation settle(String name, Seed seed, String doc, Check allowed) {
    return new Operation(name, Reach.SETTLE, Outcome.FORBIDDEN, seed, doc, null, allowed, null);
  }

  private static Operation rest(String method, String path, Reach reach, Check allowed) {
    return new Operation(path, reach, null, Seed.PENDING, null, method, allowed, null);
  }

  private static List<Operation> queries() {
    return List.of(
        own(
            "reservations",
            Seed.PENDING,
            "{ reservations(limit: 500) { id } }",
            (data, c) -> assertThat(ids(data.at("/reservations"))).contains(c.target().id()),
            (data, c) -> assertThat(ids(data.at("/reservations"))).doesNotContain(c.target().id())),
        naming(
            "reservations(userId)",
            Seed.PENDING,
            "query($user: String) { reservations(userId: $user) { id } }",
            (data, c) -> assertThat(ids(data.at("/reservations"))).contains(c.target().id())),
        own(
            "reservationById",
            Seed.PENDING,
            "query($id: String!) { reservationById(id: $id) { id } }",
            (data, c) ->
                assertThat(data.at("/reservationById/id").asText()).isEqualTo(c.target().id()),
            (data, c) -> assertThat(data.at("/reservationById").isNull()).isTrue()),
        naming(
            "reservationsByUser",
            Seed.PENDING,
            "query($user: String!) { reservationsByUser(userId: $user, includeCompleted: true) { id } }",
            (data, c) -> assertThat(ids(data.at("/reservationsByUser"))).contains(c.target().id())),
        own(
            "reservationsByParkingSpot",
            Seed.PENDING,
            "query($spot: String!) { reservationsByParkingSpot(parkingSpotId: $spot) { id } }",
            (data, c) ->
                assertThat(ids(data.at("/reservationsByParkingSpot")))
                    .containsExactly(c.target().id()),
            (data, c) -> assertThat(ids(data.at("/reservationsByParkingSpot"))).isEmpty()),
        own(
            "checkAvailability",
            Seed.PENDING,
            "query($spot: String!) { checkAvailability(parkingSpotId: $spot, startTime: \""
                + START
                + "\", durationHours: 1) { available conflicts } }",
            (data, c) -> {
              assertThat(data.at("/checkAvailability/available").asBoolean()).isFalse();
              assertThat(ids(data.at("/checkAvailability/conflicts")))
                  .containsExactly(c.target().id());
            },
            (data, c) -> {
              assertThat(data.at("/checkAvailability/available").asBoolean()).isFalse();
              assertThat(ids(data.at("/checkAvailability/conflicts"))).isEmpty();
            }),
        new Operation(
            "reservationStats",
            Reach.OPEN,
            null,
            Seed.PENDING,
            "{ reservationStats { totalReservations } }",
            null,
            (data, c) ->
                assertThat(data.at("/reservationStats/totalReservations").asInt()).isPositive(),
            null),
        own(
            "eventsByReservation",
            Seed.PENDING,
            "query($id: String!) { eventsByReservation(reservationId: $id) { eventType } }",
            (data, c) ->
                assertThat(data.at("/eventsByReservation/0/eventType").asText())
                    .isEqualTo("RESERVATION_CREATED"),
            (data, c) -> assertThat(data.at("/eventsByReservation")).isEmpty()),
        own(
            "reservationAt",
            Seed.PENDING,
            "query($id: String!) { reservationAt(id: $id, asOf: \"2030-01-01T00:00:00Z\") { id } }",
            (data, c) ->
                assertThat(data.at("/reservationAt/id").asText()).isEqualTo(c.target().id()),
            (data, c) -> assertThat(data.at("/reservationAt").isNull()).isTrue()),
        own(
            "reservationHistory",
            Seed.PENDING,
            "query($id: String!) { reservationHistory(id: $id) { status } }",
            (data, c) -> assertThat(data.at("/reservationHistory")).hasSize(1),
            (data, c) -> assertThat(data.at("/reservationHistory")).isEmpty()));
  }

  private static List<Operation> mutations() {
    return List.of(
        naming("createReservation", Seed.NONE, CREATE, MatrixOperations::createdAndNamed),
        settle(
            "confirmReservation",
            Seed.PENDING,
            "mutation($id: String!) { confirmReservation(id: $id, transactionId: \"t-1\") { status } }",
            (data, c) ->
                assertThat(data.at("/confirmReservation/status").asText()).isEqualTo("CONFIRMED")),
        missing(
            "cancelReservation",
            Seed.PENDING,
            "mutation($id: String!) { cancelReservation(id: $id, reason: \"r\") { status } }",
            (data, c) ->
                assertThat(data.at("/cancelReservation/status").asText()).isEqualTo("CANCELLED")),
        settle(
            "completeReservation",
            Seed.CONFIRMED,
            "mutation($id: String!) { completeReservation(id: $id) { status } }",
            (data, c) ->
                assertThat(data.at("/completeReservation/status").asText()).isEqualTo("COMPLETED")),
        own(
            "payReservation",
            Seed.PENDING,
            "mutation($id: String!) { payReservation(id: $id) { success errorCode } }",
            (data, c) -> assertThat(data.at("/payReservation/success").asBoolean()).isTrue(),
            (data, c) -> {
              assertThat(data.at("/payReservation/errorCode").asText())
                  .isEqualTo("RESERVATION_NOT_FOUND");
              assertThat(status(c)).isEqualTo(ReservationStatus.PENDING);
            }),
        own(
            "deleteReservation",
            Seed.PENDING,
            "mutation($id: String!) { deleteReservation(id: $id) { success message } }",
            (data, c) -> assertThat(data.at("/deleteReservation/success").asBoolean()).isTrue(),
            (data, c) -> {
              assertThat(data.at("/deleteReservation/message").asText())
                  .isEqualTo("Reservation " + c.target().id() + " not found");
              assertThat(status(c)).isEqualTo(ReservationStatus.PENDING);
            }));
  }

  private static List<Operation> restPaths() {
    return List.of(
        rest(
            "GET",
            "/",
            Reach.PUBLIC,
            (body, c) -> assertThat(body.path("message").asText()).isNotEmpty()),
        rest(
            "GET",
            "/health/ready",
            Reach.PUBLIC,
            (body, c) -> assertThat(body.path("status").asText()).isEqualTo("ready")),
        rest(
            "GET",
            "/stats",
            Reach.OPEN,
            (body, c) -> assertThat(body.path("total_reservations").asInt()).isPositive()),
        rest(
            "GET",
            "/admin/events/stats",
            Reach.ADMIN,
            (body, c) -> assertThat(body.path("total_events").asInt()).isPositive()),
        rest(
            "POST",
            "/admin/rebuild",
            Reach.ADMIN,
            (body, c) -> assertThat(body.path("success").asBoolean()).isTrue()),
        rest(
            "GET",
            "/admin/payments/unsettled",
            Reach.ADMIN,
            (body, c) -> {
              assertThat(body.path("unsettled").isArray()).isTrue();
              assertThat(body.path("refused_refunds").isArray()).isTrue();
            }));
  }

  /** Booked for Alice, and its event names the caller and the request (docs/events.md). */
  private static void createdAndNamed(JsonNode data, Cell cell) {
    assertThat(data.at("/createReservation/status").asText()).isEqualTo("PENDING");
    String id = data.at("/createReservation/id").asText();
    List<StoredEvent> events = cell.api().service.events(OwnershipMatrixTest.TENANT, id);
    assertThat(events)
        .singleElement()
        .extracting(StoredEvent::metadata)
        .isEqualTo(
            Map.of(
                "aggregate_type", "Reservation",
                "source", "graphql_mutation",
                "user", cell.who().subject(),
                "roles", cell.who().roles(),
                "request_id", cell.requestId()));
  }

  static ReservationStatus status(Cell cell) {
    return cell.api()
        .service
        .byId(OwnershipMatrixTest.TENANT, cell.target().id())
        .orElseThrow()
        .status();
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(node -> ids.add(node.isTextual() ? node.asText() : node.path("id").asText()));
    return ids;
  }
}
