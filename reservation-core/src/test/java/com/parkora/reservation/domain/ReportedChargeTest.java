package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.ReservationEvent.PaymentClaimed;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentOutcomeUnknown;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.PaymentSettled;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationDeleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationExpired;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given a reservation's events, when the payment service reports a charge, then these events. */
class ReportedChargeTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final UUID ID = UUID.randomUUID();
  private static final UUID ATTEMPT = UUID.randomUUID();
  private static final String SOURCE = "payment-service";
  private static final PaymentClaimed CLAIMED =
      new PaymentClaimed(ID, ATTEMPT, new BigDecimal("3.00"), T0);

  private static List<ReservationEvent> reported(String txn, ReservationEvent... history) {
    Reservation state = Histories.given(ID, new TenantId(UUID.randomUUID()), T0, history);
    return new PaymentDecisions(state).reported(txn, SOURCE, T0);
  }

  @Test
  void an_unknown_outcome_is_settled_with_the_reported_charge() {
    List<ReservationEvent> events =
        reported("t-1", CLAIMED, new PaymentOutcomeUnknown(ID, ATTEMPT, "deadline", T0));

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(PaymentSettled.class);
    assertThat(events.get(1)).isEqualTo(new PaymentProcessed(ID, "t-1", T0));
  }

  @Test
  void the_reservations_own_payment_changes_nothing_even_once_completed() {
    assertThat(reported("t-1", new PaymentProcessed(ID, "t-1", T0))).isEmpty();
    assertThat(
            reported("t-1", new PaymentProcessed(ID, "t-1", T0), new ReservationCompleted(ID, T0)))
        .isEmpty();
  }

  @Test
  void a_charge_the_reservation_does_not_need_is_owed_back_once() {
    assertThat(reported("t-2", new PaymentProcessed(ID, "t-1", T0)))
        .singleElement()
        .isInstanceOf(RefundRequested.class);
    assertThat(reported("t-2", new ReservationExpired(ID, T0)))
        .singleElement()
        .isInstanceOf(RefundRequested.class);
    assertThat(reported("t-2", new PaymentFailed(ID, "CARD_DECLINED", "declined", T0)))
        .singleElement()
        .isInstanceOf(RefundRequested.class);
    assertThat(
            reported(
                "t-2",
                new ReservationDeleted(ID, T0),
                new RefundRequested(ID, "t-2", new BigDecimal("3.00"), "dup", null, T0)))
        .isEmpty();
  }

  @Test
  void a_deleted_reservation_with_an_open_attempt_is_refunded_not_confirmed() {
    List<ReservationEvent> events = reported("t-1", CLAIMED, new ReservationDeleted(ID, T0));

    assertThat(events).singleElement().isInstanceOf(RefundRequested.class);
    assertThat(((RefundRequested) events.getFirst()).reason()).contains("deleted");
  }
}
