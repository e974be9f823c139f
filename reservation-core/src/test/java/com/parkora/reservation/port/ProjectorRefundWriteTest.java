package com.parkora.reservation.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.codec.EventCodecTest;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one definition of what each event does to the queue of refunds owed. */
class ProjectorRefundWriteTest {

  private static final Projector PROJECTOR = new Projector();
  private static final UUID ID = UUID.fromString("3f2b8a4e-1c5d-4e6f-8a9b-0c1d2e3f4a5b");
  private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
  private static final Set<EventType> REFUND_EVENTS =
      Set.of(
          EventType.REFUND_REQUESTED,
          EventType.REFUND_FAILED,
          EventType.REFUND_REFUSED,
          EventType.REFUND_COMPLETED);

  static Stream<ReservationEvent> everyEvent() {
    return EventCodecTest.everyEvent();
  }

  @ParameterizedTest
  @MethodSource("everyEvent")
  void only_the_four_refund_events_touch_the_queue(ReservationEvent event) {
    assertThat(PROJECTOR.refundWrite(event).isPresent())
        .isEqualTo(REFUND_EVENTS.contains(EventType.of(event)));
  }

  @Test
  void a_requested_refund_is_owed_at_once() {
    var requested =
        new ReservationEvent.RefundRequested(
            ID, "txn-1", new BigDecimal("7.50"), "cancelled", null, AT);

    assertThat(PROJECTOR.refundWrite(requested))
        .contains(new RefundWrite.Owed(ID, "txn-1", new BigDecimal("7.50"), "cancelled", AT));
  }

  @Test
  void a_failed_refund_is_due_again_at_its_next_attempt_with_its_error() {
    var failed =
        new ReservationEvent.RefundFailed(
            ID, "txn-1", 2, "UNAVAILABLE", "down", AT.plusSeconds(30), AT);

    assertThat(PROJECTOR.refundWrite(failed))
        .contains(new RefundWrite.Retry("txn-1", 2, AT.plusSeconds(30), "UNAVAILABLE: down"));
  }

  @Test
  void a_refused_refund_is_held_for_an_operator() {
    var refused =
        new ReservationEvent.RefundRefused(ID, "txn-1", 3, "PAYMENT_NOT_FOUND", "gone", AT);

    assertThat(PROJECTOR.refundWrite(refused))
        .contains(new RefundWrite.Refused("txn-1", 3, AT, "PAYMENT_NOT_FOUND: gone"));
  }

  @Test
  void a_completed_refund_is_no_longer_owed() {
    var completed = new ReservationEvent.RefundCompleted(ID, "txn-1", "refund-9", AT);

    assertThat(PROJECTOR.refundWrite(completed)).contains(new RefundWrite.Settled("txn-1"));
  }
}
