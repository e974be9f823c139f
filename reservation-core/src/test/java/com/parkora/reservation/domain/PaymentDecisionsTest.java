package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.ReservationEvent.PaymentClaimed;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.PaymentReleased;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given a reservation's events, when the answer of a charge comes, then these events. */
class PaymentDecisionsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant LATER = T0.plusSeconds(60);
  private static final UUID ID = UUID.randomUUID();
  private static final UUID ATTEMPT = UUID.randomUUID();
  private static final PaymentClaimed CLAIMED =
      new PaymentClaimed(ID, ATTEMPT, new BigDecimal("3.00"), T0);

  private static PaymentDecisions given(ReservationEvent... history) {
    return new PaymentDecisions(Histories.given(ID, new TenantId(UUID.randomUUID()), T0, history));
  }

  @Test
  void a_charge_confirms_a_pending_reservation_once() {
    assertThat(given(CLAIMED).charged(ATTEMPT, "t-5", LATER))
        .containsExactly(new PaymentProcessed(ID, "t-5", LATER));
    Reservation paid =
        Histories.given(
            ID, new TenantId(UUID.randomUUID()), T0, CLAIMED, new PaymentProcessed(ID, "t-5", T0));
    assertThat(paid.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(paid.transactionId()).isEqualTo("t-5");
    assertThat(new PaymentDecisions(paid).charged(ATTEMPT, "t-5", LATER)).isEmpty();
    assertThat(new PaymentDecisions(paid).charged(ATTEMPT, "t-6", LATER))
        .singleElement()
        .isInstanceOf(RefundRequested.class);
  }

  @Test
  void a_declined_charge_keeps_a_pending_reservation_pending_and_only_releases_a_cancelled_one() {
    assertThat(given(CLAIMED).declined(ATTEMPT, "CARD", "declined", LATER))
        .containsExactly(new PaymentFailed(ID, "CARD", "declined", LATER));
    assertThat(
            given(CLAIMED, new ReservationCancelled(ID, null, null, T0))
                .declined(ATTEMPT, "CARD", "declined", LATER))
        .singleElement()
        .isInstanceOf(PaymentReleased.class);
  }

  @Test
  void a_completed_reservations_own_transaction_reported_as_unneeded_asks_for_no_refund() {
    ReservationEvent[] completed = {
      new ReservationConfirmed(ID, "t-1", T0), new ReservationCompleted(ID, T0)
    };

    assertThat(given(completed).unneeded("t-1", "not needed", LATER)).isEmpty();
    assertThat(given(completed).unneeded("t-2", "not needed", LATER))
        .singleElement()
        .isInstanceOf(RefundRequested.class);
  }

  @Test
  void a_transaction_is_the_payment_of_a_confirmed_or_completed_reservation_it_names() {
    TenantId tenant = new TenantId(UUID.randomUUID());
    Reservation confirmed =
        Histories.given(ID, tenant, T0, new ReservationConfirmed(ID, "t-1", T0));
    Reservation completed =
        Histories.given(
            ID,
            tenant,
            T0,
            new ReservationConfirmed(ID, "t-1", T0),
            new ReservationCompleted(ID, T0));
    Reservation cancelled =
        Histories.given(
            ID,
            tenant,
            T0,
            new ReservationConfirmed(ID, "t-1", T0),
            new ReservationCancelled(ID, null, null, T0));

    assertThat(confirmed.isPaidWith("t-1")).isTrue();
    assertThat(completed.isPaidWith("t-1")).isTrue();
    assertThat(confirmed.isPaidWith("t-2")).isFalse();
    assertThat(confirmed.isPaidWith(null)).isFalse();
    assertThat(cancelled.isPaidWith("t-1")).isFalse();
    assertThat(Histories.given(ID, tenant, T0).isPaidWith("t-1")).isFalse();
  }
}
