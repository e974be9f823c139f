package com.parkora.reservation.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.StoredEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class EventCodecTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final UUID ID = UUID.fromString("3f2b8a4e-1c5d-4e6f-8a9b-0c1d2e3f4a5b");
  private static final TenantId TENANT =
      new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
  private static final UUID ATTEMPT = UUID.fromString("7a2b8a4e-1c5d-4e6f-8a9b-0c1d2e3f4a5b");
  private static final Instant AT = Instant.parse("2026-12-01T08:00:00.123456Z");

  /** One event of every type (two of some, with and without their optional fields). */
  public static Stream<ReservationEvent> everyEvent() {
    return Stream.of(
        new ReservationEvent.ReservationCreated(
            ID,
            TENANT,
            UUID.randomUUID(),
            "A-12",
            Instant.parse("2026-12-01T09:30:00Z"),
            Instant.parse("2026-12-01T11:30:00Z"),
            2,
            new BigDecimal("7.50"),
            AT),
        new ReservationEvent.ReservationConfirmed(ID, "txn-1", AT),
        new ReservationEvent.ReservationConfirmed(ID, null, AT),
        new ReservationEvent.ReservationCancelled(ID, "changed plans", "refund-1", AT),
        new ReservationEvent.ReservationCompleted(ID, AT),
        new ReservationEvent.ReservationExpired(ID, AT),
        new ReservationEvent.PaymentProcessed(ID, "txn-2", AT),
        new ReservationEvent.PaymentFailed(ID, "CARD_DECLINED", "declined", AT),
        new ReservationEvent.ReservationDeleted(ID, AT),
        new ReservationEvent.PaymentClaimed(ID, ATTEMPT, new BigDecimal("7.50"), AT),
        new ReservationEvent.PaymentReleased(ID, ATTEMPT, "UNAVAILABLE", AT),
        new ReservationEvent.PaymentOutcomeUnknown(ID, ATTEMPT, "DEADLINE_EXCEEDED", AT),
        new ReservationEvent.PaymentSettled(ID, ATTEMPT, "txn-3", "operator", AT),
        new ReservationEvent.PaymentSettled(ID, ATTEMPT, null, "operator", AT),
        new ReservationEvent.RefundRequested(
            ID, "txn-3", new BigDecimal("7.50"), "cancelled", null, AT),
        new ReservationEvent.RefundRequested(
            ID, "txn-4", new BigDecimal("0.01"), "charged late", ATTEMPT, AT),
        new ReservationEvent.RefundFailed(
            ID, "txn-3", 2, "UNAVAILABLE", "down", AT.plusSeconds(10), AT),
        new ReservationEvent.RefundCompleted(ID, "txn-3", "refund-9", AT),
        new ReservationEvent.RefundRefused(ID, "txn-4", 3, "PAYMENT_NOT_FOUND", "gone", AT));
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void every_event_survives_its_payload(ReservationEvent event) {
    String text = CODEC.payloadText(event);
    ReservationEvent back =
        CODEC.decode(
            com.parkora.reservation.domain.EventType.of(event).name(), text, ID, TENANT, AT);
    assertThat(back).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void the_payload_status_is_the_status_evolve_gives_a_pending_reservation(ReservationEvent event) {
    Reservation pending =
        event instanceof ReservationEvent.ReservationCreated
            ? null
            : Reservation.evolve(null, everyEvent().findFirst().orElseThrow());
    Reservation after = Reservation.evolve(pending, event);
    String expected = after.deleted() ? "DELETED" : after.status().name();
    assertThat(CODEC.payload(event).get("status").asText()).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void every_event_survives_its_message(ReservationEvent event) {
    StoredEvent stored =
        new StoredEvent(
            UUID.randomUUID(), ID, TENANT, 3, 17, event, Map.of("source", "graphql"), AT);
    assertThat(CODEC.fromMessage(CODEC.messageLine(stored))).isEqualTo(stored);
  }

  @Test
  void a_message_has_the_contract_fields() {
    StoredEvent stored =
        new StoredEvent(
            UUID.randomUUID(),
            ID,
            TENANT,
            2,
            9,
            new ReservationEvent.PaymentProcessed(ID, "txn-2", AT),
            Map.of(),
            AT);
    var message = CODEC.message(stored);
    assertThat(message.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly(
            "event_id",
            "event_type",
            "reservation_id",
            "tenant_id",
            "version",
            "position",
            "occurred_at",
            "data");
    assertThat(message.get("event_type").asText()).isEqualTo("PAYMENT_PROCESSED");
    assertThat(message.get("occurred_at").asText()).isEqualTo("2026-12-01T08:00:00.123456+00:00");
    assertThat(message.get("data").get("transaction_id").asText()).isEqualTo("txn-2");
    assertThat(message.get("data").get("status").asText()).isEqualTo("CONFIRMED");
  }

  @Test
  void a_created_payload_has_the_columns_of_the_python_service() {
    var payload = CODEC.payload(everyEvent().findFirst().orElseThrow());
    List<String> fields = payload.properties().stream().map(Map.Entry::getKey).toList();
    assertThat(fields)
        .containsExactly(
            "id",
            "tenant_id",
            "user_id",
            "parking_spot_id",
            "start_time",
            "end_time",
            "duration_hours",
            "total_cost",
            "status",
            "transaction_id",
            "created_at",
            "updated_at");
  }

  @Test
  void a_python_payload_with_loose_types_is_read() {
    String python =
        """
        {"id": "3f2b8a4e-1c5d-4e6f-8a9b-0c1d2e3f4a5b",
         "tenant_id": "00000000-0000-0000-0000-000000000001",
         "user_id": "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c", "parking_spot_id": "parking-1",
         "start_time": "2024-01-15T10:00:00", "end_time": "2024-01-15T12:00:00+00:00",
         "duration_hours": "2", "total_cost": "5.0", "status": "PENDING",
         "transaction_id": null, "created_at": "2024-01-15T09:00:00.123456+00:00",
         "updated_at": "2024-01-15T09:00:00.123456+00:00"}""";
    var event =
        (ReservationEvent.ReservationCreated)
            CODEC.decode("RESERVATION_CREATED", python, ID, TENANT, AT);
    assertThat(event.startTime()).isEqualTo(Instant.parse("2024-01-15T10:00:00Z"));
    assertThat(event.durationHours()).isEqualTo(2);
    assertThat(event.totalCost()).isEqualTo(new BigDecimal("5.00"));
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2024-01-15T09:00:00.123456Z"));
  }

  @Test
  void an_unknown_type_or_a_broken_payload_is_refused_with_the_reason() {
    assertThatThrownBy(() -> CODEC.decode("RESERVATION_TELEPORTED", "{}", ID, TENANT, AT))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("unknown event type");
    assertThatThrownBy(() -> CODEC.decode("RESERVATION_CREATED", "{\"id\": 1}", ID, TENANT, AT))
        .isInstanceOf(EventFormatException.class)
        .hasMessageContaining("start_time");
    assertThatThrownBy(() -> CODEC.fromMessage("not json"))
        .isInstanceOf(EventFormatException.class);
  }
}
