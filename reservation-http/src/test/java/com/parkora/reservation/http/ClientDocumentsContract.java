package com.parkora.reservation.http;

import static com.parkora.reservation.http.ClientDocuments.CANCEL_RESERVATION;
import static com.parkora.reservation.http.ClientDocuments.CONFIRM_RESERVATION;
import static com.parkora.reservation.http.ClientDocuments.CREATE_RESERVATION;
import static com.parkora.reservation.http.ClientDocuments.GET_RESERVATION;
import static com.parkora.reservation.http.ClientDocuments.GET_USER_RESERVATIONS;
import static com.parkora.reservation.http.ClientDocuments.PAY_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front end's and the payment service's documents, verbatim with variables, over real HTTP.
 * Each store (in memory, PostgreSQL) runs this suite through a short subclass.
 */
abstract class ClientDocumentsContract {

  private static final String OTHER_TENANT = "99999999-9999-4999-8999-999999999999";

  protected RunningApi api;
  private final String userId = UUID.randomUUID().toString();
  private final String spot = "A-" + UUID.randomUUID().toString().substring(0, 8);

  /** Starts the API on the store under test; the subclass closes whatever else it opened. */
  protected abstract RunningApi startApi();

  @BeforeEach
  void start() {
    api = startApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void the_front_end_creates_a_reservation_that_is_pending_with_its_end_computed() {
    JsonNode created = create("2026-12-01T09:30:00.000Z");

    assertThat(created.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(created.path("status").asText()).isEqualTo("PENDING");
    assertThat(created.path("totalCost").isNumber()).isTrue();
    assertThat(created.path("totalCost").asDouble()).isEqualTo(7.5);
    assertThat(created.path("durationHours").asInt()).isEqualTo(2);
    assertThat(created.path("parkingSpotId").asText()).isEqualTo(spot);
    assertThat(OffsetDateTime.parse(created.path("startTime").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-12-01T09:30:00Z").toInstant());
    assertThat(OffsetDateTime.parse(created.path("endTime").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-12-01T11:30:00Z").toInstant());
  }

  @Test
  void the_front_end_lists_a_users_active_reservations_and_with_completed_ones_on_request() {
    String id = create("2026-12-02T09:30:00.000Z").path("id").asText();
    String cancelled = create("2026-12-03T09:30:00.000Z").path("id").asText();
    data(CANCEL_RESERVATION, Map.of("id", cancelled, "reason", "plans changed"));

    JsonNode active =
        data(GET_USER_RESERVATIONS, Map.of("userId", userId, "includeCompleted", false))
            .path("reservationsByUser");
    JsonNode all =
        data(GET_USER_RESERVATIONS, Map.of("userId", userId, "includeCompleted", true))
            .path("reservationsByUser");

    assertThat(active).hasSize(1);
    JsonNode first = active.get(0);
    assertThat(first.path("id").asText()).isEqualTo(id);
    assertThat(first.path("createdAt").asText()).isNotBlank();
    assertThat(first.has("transactionId")).isTrue();
    assertThat(first.path("transactionId").isNull()).isTrue();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("id").asText()).as("startTime descending").isEqualTo(cancelled);
  }

  @Test
  void paying_without_a_payment_service_answers_service_unavailable_instead_of_an_error() {
    String id = create("2026-12-04T09:30:00.000Z").path("id").asText();

    JsonNode paid = data(PAY_RESERVATION, Map.of("id", id)).path("payReservation");

    assertThat(paid.path("success").asBoolean()).isFalse();
    assertThat(paid.path("errorCode").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(paid.path("transactionId").isNull()).isTrue();
    assertThat(paid.path("message").asText()).isNotBlank();
  }

  @Test
  void paying_an_unknown_reservation_answers_reservation_not_found() {
    JsonNode paid =
        data(PAY_RESERVATION, Map.of("id", UUID.randomUUID().toString())).path("payReservation");

    assertThat(paid.path("success").asBoolean()).isFalse();
    assertThat(paid.path("errorCode").asText()).isEqualTo("RESERVATION_NOT_FOUND");
  }

  @Test
  void the_front_end_cancels_with_and_without_a_reason() {
    String first = create("2026-12-05T09:30:00.000Z").path("id").asText();
    String second = create("2026-12-06T09:30:00.000Z").path("id").asText();
    Map<String, Object> noReason = new HashMap<>();
    noReason.put("id", second);
    noReason.put("reason", null);

    JsonNode withReason =
        data(CANCEL_RESERVATION, Map.of("id", first, "reason", "sick")).path("cancelReservation");
    JsonNode without = data(CANCEL_RESERVATION, noReason).path("cancelReservation");

    assertThat(withReason.path("id").asText()).isEqualTo(first);
    assertThat(withReason.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(without.path("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void the_payment_service_reads_a_reservation_and_confirms_it_with_its_transaction() {
    String id = create("2026-12-07T09:30:00.000Z").path("id").asText();

    JsonNode read = data(GET_RESERVATION, Map.of("id", id)).path("reservationById");
    JsonNode confirmed =
        data(CONFIRM_RESERVATION, Map.of("id", id, "transactionId", "txn-42"))
            .path("confirmReservation");
    JsonNode again =
        data(CONFIRM_RESERVATION, Map.of("id", id, "transactionId", "txn-42"))
            .path("confirmReservation");

    assertThat(read.path("id").asText()).isEqualTo(id);
    assertThat(read.path("tenantId").asText()).isEqualTo(RunningApi.TENANT);
    assertThat(read.path("userId").asText()).isEqualTo(userId);
    assertThat(read.path("totalCost").asDouble()).isEqualTo(7.5);
    assertThat(read.path("status").asText()).isEqualTo("PENDING");
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(confirmed.path("transactionId").asText()).isEqualTo("txn-42");
    assertThat(again.path("status").asText()).as("a repeated callback").isEqualTo("CONFIRMED");
  }

  @Test
  void another_tenants_reservation_does_not_exist_for_reads_or_mutations() {
    String id = create("2026-12-08T09:30:00.000Z").path("id").asText();
    Map<String, String> other = Map.of("X-Tenant-ID", OTHER_TENANT);

    JsonNode read = api.graphQl(GET_RESERVATION, Map.of("id", id), other).json();
    JsonNode confirm =
        api.graphQl(CONFIRM_RESERVATION, Map.of("id", id, "transactionId", "t"), other).json();

    assertThat(read.path("data").path("reservationById").isNull()).isTrue();
    assertThat(confirm.path("errors").get(0).path("extensions").path("code").asText())
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void confirming_a_cancelled_reservation_is_an_invalid_state_error_with_a_plain_message() {
    String id = create("2026-12-09T09:30:00.000Z").path("id").asText();
    data(CANCEL_RESERVATION, Map.of("id", id, "reason", "no"));

    JsonNode answer =
        api.graphQl(CONFIRM_RESERVATION, Map.of("id", id, "transactionId", "t")).json();

    JsonNode error = answer.path("errors").get(0);
    assertThat(error.path("extensions").path("code").asText()).isEqualTo("INVALID_STATE");
    assertThat(error.path("message").asText()).contains("CANCELLED").doesNotContain("Exception");
  }

  @Test
  void an_overlapping_reservation_of_the_same_spot_is_slot_unavailable() {
    create("2026-12-10T09:30:00.000Z");

    JsonNode answer = api.graphQl(CREATE_RESERVATION, input("2026-12-10T10:30:00.000Z")).json();

    assertThat(answer.path("errors").get(0).path("extensions").path("code").asText())
        .isEqualTo("SLOT_UNAVAILABLE");
  }

  protected JsonNode create(String startTime) {
    return data(CREATE_RESERVATION, input(startTime)).path("createReservation");
  }

  protected Map<String, Object> input(String startTime) {
    return Map.of(
        "input",
        Map.of(
            "userId",
            userId,
            "parkingSpotId",
            spot,
            "startTime",
            startTime,
            "durationHours",
            2,
            "totalCost",
            7.5));
  }

  protected JsonNode data(String document, Map<String, Object> variables) {
    RunningApi.Answer answer = api.graphQl(document, variables);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    return answer.json().path("data");
  }
}
