package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationEvent.ReservationDeleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationExpired;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given events, when a decision, then events or a refusal. */
class ReservationTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant LATER = T0.plusSeconds(60);
  private static final UUID ID = UUID.randomUUID();
  private static final TenantId TENANT = new TenantId(UUID.randomUUID());

  private static Reservation given(ReservationEvent... history) {
    return Histories.given(ID, TENANT, T0, history);
  }

  private static Reservation pending() {
    return given();
  }

  private static Reservation confirmed() {
    return given(new ReservationConfirmed(ID, "t-1", T0));
  }

  private static Reservation cancelled() {
    return given(new ReservationCancelled(ID, null, null, T0));
  }

  private static Reservation completed() {
    return given(new ReservationConfirmed(ID, "t-1", T0), new ReservationCompleted(ID, T0));
  }

  private static Reservation expired() {
    return given(new ReservationExpired(ID, T0));
  }

  @Test
  void a_new_reservation_is_pending_at_version_one() {
    Reservation state = pending();
    assertThat(state.status()).isEqualTo(ReservationStatus.PENDING);
    assertThat(state.version()).isEqualTo(1);
    assertThat(state.createdAt()).isEqualTo(T0);
  }

  @Test
  void a_pending_reservation_can_be_confirmed_with_a_transaction() {
    assertThat(pending().confirm("t-9", LATER))
        .containsExactly(new ReservationConfirmed(ID, "t-9", LATER));
  }

  @Test
  void confirming_again_with_the_same_transaction_changes_nothing() {
    assertThat(confirmed().confirm("t-1", LATER)).isEmpty();
    assertThat(confirmed().confirm(null, LATER)).isEmpty();
  }

  @Test
  void confirming_a_confirmed_reservation_with_another_transaction_is_rejected() {
    assertRefused(() -> confirmed().confirm("t-2", LATER), ReservationStatus.CONFIRMED);
  }

  @Test
  void confirming_a_cancelled_reservation_is_rejected() {
    assertRefused(() -> cancelled().confirm("t-2", LATER), ReservationStatus.CANCELLED);
  }

  @Test
  void pending_and_confirmed_reservations_can_be_cancelled() {
    assertThat(pending().cancel("plans", null, LATER))
        .containsExactly(new ReservationCancelled(ID, "plans", null, LATER));
    assertThat(confirmed().cancel(null, "r-1", LATER))
        .containsExactly(new ReservationCancelled(ID, null, "r-1", LATER));
  }

  @Test
  void cancelling_a_completed_reservation_is_rejected() {
    assertRefused(() -> completed().cancel(null, null, LATER), ReservationStatus.COMPLETED);
  }

  @Test
  void cancelling_an_expired_or_cancelled_reservation_is_rejected() {
    assertRefused(() -> expired().cancel(null, null, LATER), ReservationStatus.EXPIRED);
    assertRefused(() -> cancelled().cancel(null, null, LATER), ReservationStatus.CANCELLED);
  }

  @Test
  void only_a_confirmed_reservation_can_be_completed() {
    assertThat(confirmed().complete(LATER)).containsExactly(new ReservationCompleted(ID, LATER));
    assertRefused(() -> pending().complete(LATER), ReservationStatus.PENDING);
    assertRefused(() -> completed().complete(LATER), ReservationStatus.COMPLETED);
  }

  @Test
  void only_a_pending_reservation_can_expire() {
    assertThat(pending().expire(LATER)).containsExactly(new ReservationExpired(ID, LATER));
    assertRefused(() -> confirmed().expire(LATER), ReservationStatus.CONFIRMED);
  }

  @Test
  void a_failed_payment_keeps_the_reservation_pending() {
    Reservation state = given(new PaymentFailed(ID, "CARD", "declined", LATER));
    assertThat(state.status()).isEqualTo(ReservationStatus.PENDING);
    assertThat(state.updatedAt()).isEqualTo(LATER);
    assertThat(state.version()).isEqualTo(2);
  }

  @Test
  void only_pending_or_cancelled_reservations_can_be_deleted() {
    assertThat(pending().delete(LATER)).containsExactly(new ReservationDeleted(ID, LATER));
    assertThat(cancelled().delete(LATER)).containsExactly(new ReservationDeleted(ID, LATER));
    assertRefused(() -> confirmed().delete(LATER), ReservationStatus.CONFIRMED);
    assertRefused(() -> completed().delete(LATER), ReservationStatus.COMPLETED);
    assertRefused(() -> expired().delete(LATER), ReservationStatus.EXPIRED);
  }

  @Test
  void a_deleted_reservation_is_marked_deleted() {
    assertThat(given(new ReservationDeleted(ID, LATER)).deleted()).isTrue();
  }

  @Test
  void expiry_is_due_after_the_hold_or_once_the_end_has_passed_not_at_the_start() {
    BookingWindow window = BookingWindow.DEFAULT.withHold(Duration.ofMinutes(15));
    BookingWindow dayLong = window.withHold(Duration.ofDays(1));
    assertThat(pending().isExpiryDue(T0.plus(Duration.ofMinutes(14)), window)).isFalse();
    assertThat(pending().isExpiryDue(T0.plus(Duration.ofMinutes(15)), window)).isTrue();
    assertThat(pending().isExpiryDue(T0.plusSeconds(3600), dayLong)).isFalse(); // started
    assertThat(pending().isExpiryDue(T0.plusSeconds(7199), dayLong)).isFalse();
    assertThat(pending().isExpiryDue(T0.plusSeconds(7200), dayLong)).isTrue(); // ended
    assertThat(confirmed().isExpiryDue(T0.plus(Duration.ofDays(1)), window)).isFalse();
  }

  @Test
  void a_stream_that_does_not_start_with_a_creation_is_rejected() {
    assertThatThrownBy(() -> Reservation.replay(List.of(new ReservationExpired(ID, T0))))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ReservationStatus status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReservationException.InvalidState.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE);
              assertThat(e.status()).isEqualTo(status);
            });
  }
}
