package com.parkora.reservation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.ScriptedPayments;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReservationServiceTest {

  private static final String NOW = "2026-12-01T08:00:00Z";
  private static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";

  private final TestClock clock = TestClock.at(NOW);
  private final InMemoryStorage storage = new InMemoryStorage();
  private final ScriptedPayments payments = new ScriptedPayments();
  private final ReservationService service =
      ReservationService.builder(storage)
          .clock(clock)
          .paymentGateway(payments)
          .pendingHold(Duration.ofMinutes(15))
          .build();
  private final TenantId tenant = new TenantId(UUID.randomUUID());

  private ReservationView book(String spot, String start, int hours) {
    return service.create(tenant, USER, spot, start, hours, 7.5);
  }

  private String booked() {
    return book("A-12", "2026-12-01T09:30:00.000Z", 2).id().toString();
  }

  private void assertRejected(ThrowingCallable command, ErrorCode code) {
    long before = storage.eventCount(tenant);
    assertThatThrownBy(command)
        .isInstanceOfSatisfying(
            ReservationException.class, e -> assertThat(e.code()).isEqualTo(code));
    assertThat(storage.eventCount(tenant))
        .as("events appended by a rejected command")
        .isEqualTo(before);
  }

  // ---- creation ----

  @Test
  void creating_a_reservation_computes_its_end_and_starts_pending() {
    ReservationView view = book("A-12", "2026-12-01T09:30:00.000Z", 2);

    assertThat(view.status()).isEqualTo(ReservationStatus.PENDING);
    assertThat(view.startTime()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
    assertThat(view.endTime()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
    assertThat(view.totalCost()).isEqualTo(new BigDecimal("7.50"));
    assertThat(view.createdAt()).isEqualTo(Instant.parse(NOW));
    assertThat(service.byId(tenant, view.id().toString())).contains(view);
    assertThat(service.events(tenant, view.id().toString()))
        .singleElement()
        .extracting(StoredEvent::type)
        .isEqualTo(EventType.RESERVATION_CREATED);
  }

  @Test
  void a_start_without_an_offset_is_utc() {
    ReservationView view = book("A-1", "2026-12-01T10:00:00", 1);
    assertThat(view.startTime()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    ReservationView offset = book("A-2", "2026-12-01T12:00:00+02:00", 1);
    assertThat(offset.startTime()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void a_start_in_the_past_but_within_the_default_grace_of_180_minutes_is_accepted() {
    assertThat(book("A-1", "2026-12-01T07:55:00Z", 1).status())
        .isEqualTo(ReservationStatus.PENDING);
    assertThat(book("A-2", "2026-12-01T05:00:00Z", 4).status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void the_front_ends_unrounded_cost_is_rounded_half_up_to_the_cent_and_stored_so() {
    ReservationView view =
        service.create(tenant, USER, "F-1", "2026-12-01T09:00:00Z", 3, 3.5999999999999996);

    assertThat(view.totalCost()).isEqualTo(new BigDecimal("3.60"));
    assertThat(service.byId(tenant, view.id().toString()).orElseThrow().totalCost())
        .isEqualTo(new BigDecimal("3.60"));
  }

  @Test
  void a_cost_of_3_599_is_stored_as_3_60() {
    ReservationView view = service.create(tenant, USER, "F-2", "2026-12-01T09:00:00Z", 1, 3.599);

    assertThat(service.byId(tenant, view.id().toString()).orElseThrow().totalCost())
        .isEqualTo(new BigDecimal("3.60"));
  }

  @Test
  void a_start_the_front_end_sends_90_minutes_in_the_past_is_accepted_and_stored_as_sent() {
    ReservationView view = book("F-3", "2026-12-01T06:30:00.000Z", 2);

    assertThat(view.startTime()).isEqualTo(Instant.parse("2026-12-01T06:30:00Z"));
    assertThat(view.status()).isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void a_start_four_hours_in_the_past_is_invalid_input() {
    assertRejected(() -> book("F-4", "2026-12-01T04:00:00Z", 1), ErrorCode.INVALID_INPUT);
  }

  @Test
  void the_start_grace_is_configurable() {
    ReservationService strict =
        ReservationService.builder(new InMemoryStorage())
            .clock(clock)
            .startGrace(Duration.ofMinutes(5))
            .build();

    assertThatThrownBy(() -> strict.create(tenant, USER, "F-5", "2026-12-01T06:30:00Z", 1, 1.0))
        .isInstanceOf(ReservationException.InvalidInput.class)
        .hasMessageContaining("5 minutes");
    assertThat(strict.create(tenant, USER, "F-5", "2026-12-01T07:56:00Z", 1, 1.0).status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  static Stream<Arguments> invalidCreations() {
    return Stream.of(
        Arguments.of("userId not a UUID", "user-1", "A-1", "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("userId missing", null, "A-1", "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("spot blank", USER, "  ", "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("spot too long", USER, "x".repeat(256), "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("spot with a NUL", USER, "A\u00001", "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("spot with a line break", USER, "A-1\n", "2026-12-01T09:00:00Z", 1, 1.0),
        Arguments.of("start after year 9999", USER, "A-1", "+10000-01-01T00:00:00Z", 1, 1.0),
        Arguments.of("start malformed", USER, "A-1", "tomorrow at nine", 1, 1.0),
        Arguments.of("start missing", USER, "A-1", null, 1, 1.0),
        Arguments.of("start four hours past", USER, "A-1", "2026-12-01T04:00:00Z", 1, 1.0),
        Arguments.of("end after year 9999", USER, "A-1", "9999-12-31T23:00:00Z", 2, 1.0),
        Arguments.of("duration zero", USER, "A-1", "2026-12-01T09:00:00Z", 0, 1.0),
        Arguments.of("duration 25", USER, "A-1", "2026-12-01T09:00:00Z", 25, 1.0),
        Arguments.of("duration missing", USER, "A-1", "2026-12-01T09:00:00Z", null, 1.0),
        Arguments.of("cost negative", USER, "A-1", "2026-12-01T09:00:00Z", 1, -0.01),
        Arguments.of("cost too large", USER, "A-1", "2026-12-01T09:00:00Z", 1, 100_000_000.0),
        Arguments.of("cost negative once rounded", USER, "A-1", "2026-12-01T09:00:00Z", 1, -0.005),
        Arguments.of(
            "cost too large once rounded", USER, "A-1", "2026-12-01T09:00:00Z", 1, 99_999_999.995),
        Arguments.of(
            "cost infinite", USER, "A-1", "2026-12-01T09:00:00Z", 1, Double.POSITIVE_INFINITY),
        Arguments.of("cost NaN", USER, "A-1", "2026-12-01T09:00:00Z", 1, Double.NaN),
        Arguments.of("cost missing", USER, "A-1", "2026-12-01T09:00:00Z", 1, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCreations")
  void invalid_input_is_rejected_with_invalid_input_and_appends_nothing(
      String rule, String user, String spot, String start, Integer hours, Double cost) {
    assertRejected(
        () -> service.create(tenant, user, spot, start, hours, cost), ErrorCode.INVALID_INPUT);
  }

  @Test
  void the_largest_cost_and_longest_spot_are_accepted() {
    ReservationView view =
        service.create(tenant, USER, "x".repeat(255), "2026-12-01T09:00:00Z", 24, 99_999_999.99);
    assertThat(view.totalCost()).isEqualTo(new BigDecimal("99999999.99"));
  }

  @Test
  void booking_an_overlapping_slot_is_slot_unavailable_and_appends_nothing() {
    String first = booked();
    assertRejected(() -> book("A-12", "2026-12-01T10:30:00Z", 1), ErrorCode.SLOT_UNAVAILABLE);
    assertThatThrownBy(() -> book("A-12", "2026-12-01T10:30:00Z", 1))
        .isInstanceOfSatisfying(
            ReservationException.SlotUnavailable.class,
            e -> assertThat(e.conflicts()).containsExactly(UUID.fromString(first)));
  }

  @Test
  void an_unknown_parking_spot_is_rejected_when_a_directory_is_configured() {
    ReservationService strict =
        ReservationService.builder(storage)
            .clock(clock)
            .spots(spot -> spot.startsWith("A-"))
            .build();
    assertRejected(
        () -> strict.create(tenant, USER, "Z-1", "2026-12-01T09:00:00Z", 1, 1.0),
        ErrorCode.UNKNOWN_PARKING_SPOT);
  }

  // ---- transitions ----

  @Test
  void a_reservation_goes_through_confirm_and_complete() {
    String id = booked();
    clock.advance(Duration.ofMinutes(1));
    ReservationView confirmed = service.confirm(tenant, id, "txn-1");
    assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(confirmed.transactionId()).isEqualTo("txn-1");
    assertThat(confirmed.updatedAt()).isEqualTo(Instant.parse(NOW).plusSeconds(60));
    assertThat(service.complete(tenant, id).status()).isEqualTo(ReservationStatus.COMPLETED);
    assertThat(service.events(tenant, id))
        .extracting(StoredEvent::version)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void completing_a_pending_reservation_is_invalid_state_and_appends_nothing() {
    String id = booked();
    assertRejected(() -> service.complete(tenant, id), ErrorCode.INVALID_STATE);
  }

  @Test
  void cancelling_a_completed_reservation_is_rejected() {
    String id = booked();
    service.confirm(tenant, id, null);
    service.complete(tenant, id);
    assertRejected(() -> service.cancel(tenant, id, "late"), ErrorCode.INVALID_STATE);
  }

  @Test
  void the_expiry_sweep_leaves_a_confirmed_reservation_whose_hold_ran_out() {
    String id = booked();
    service.confirm(tenant, id, null);
    long before = storage.eventCount(tenant);
    clock.advance(Duration.ofHours(4));
    assertThat(service.expireDue(tenant, 100)).isZero();
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(storage.eventCount(tenant)).isEqualTo(before);
  }

  @Test
  void confirming_a_cancelled_reservation_is_rejected() {
    String id = booked();
    service.cancel(tenant, id, null);
    assertRejected(() -> service.confirm(tenant, id, "t"), ErrorCode.INVALID_STATE);
  }

  @Test
  void an_overlong_transaction_id_or_reason_is_invalid_input() {
    String id = booked();
    assertRejected(() -> service.confirm(tenant, id, "t".repeat(256)), ErrorCode.INVALID_INPUT);
    assertRejected(() -> service.cancel(tenant, id, "r".repeat(1001)), ErrorCode.INVALID_INPUT);
  }

  @Test
  void control_characters_in_a_transaction_id_and_nul_in_a_reason_are_invalid_input() {
    String id = booked();
    assertRejected(() -> service.confirm(tenant, id, "t\u0001"), ErrorCode.INVALID_INPUT);
    assertRejected(() -> service.cancel(tenant, id, "why\u0000"), ErrorCode.INVALID_INPUT);
    assertThat(service.cancel(tenant, id, "line one\nline two").status())
        .isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void a_malformed_id_is_invalid_input_and_an_unknown_one_not_found() {
    assertRejected(() -> service.confirm(tenant, "42", null), ErrorCode.INVALID_INPUT);
    assertRejected(
        () -> service.cancel(tenant, UUID.randomUUID().toString(), null), ErrorCode.NOT_FOUND);
  }

  @Test
  void another_tenants_reservation_does_not_exist() {
    String id = booked();
    TenantId other = new TenantId(UUID.randomUUID());
    assertThat(service.byId(other, id)).isEmpty();
    assertThat(service.events(other, id)).isEmpty();
    assertThatThrownBy(() -> service.cancel(other, id, null))
        .isInstanceOf(ReservationException.NotFound.class);
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void cancelling_frees_the_slot() {
    String id = booked();
    service.cancel(tenant, id, "plans");
    assertThat(book("A-12", "2026-12-01T09:30:00Z", 2).status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  // ---- delete ----

  @Test
  void deleting_a_pending_reservation_records_it_and_hides_it() {
    String id = booked();
    assertThat(service.delete(tenant, id))
        .isEqualTo(new DeleteOutcome(true, "Reservation " + id + " deleted"));
    assertThat(service.byId(tenant, id)).isEmpty();
    assertThat(service.events(tenant, id))
        .extracting(StoredEvent::type)
        .containsExactly(EventType.RESERVATION_CREATED, EventType.RESERVATION_DELETED);
    assertThat(service.delete(tenant, id).message()).contains("not found");
  }

  @Test
  void deleting_a_confirmed_reservation_answers_the_reason_and_appends_nothing() {
    String id = booked();
    service.confirm(tenant, id, null);
    long before = storage.eventCount(tenant);
    DeleteOutcome outcome = service.delete(tenant, id);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.message()).contains("CONFIRMED");
    assertThat(storage.eventCount(tenant)).isEqualTo(before);
  }

  @Test
  void deleting_an_unknown_reservation_answers_not_found() {
    DeleteOutcome outcome = service.delete(tenant, UUID.randomUUID().toString());
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.message()).contains("not found");
    assertThat(service.delete(tenant, "nope").message()).contains("not found");
  }

  // ---- payment ----

  @Test
  void paying_charges_once_and_confirms_with_the_transaction() {
    String id = booked();
    PaymentOutcome outcome = service.pay(tenant, id);
    assertThat(outcome.success()).isTrue();
    assertThat(service.byId(tenant, id).orElseThrow().transactionId())
        .isEqualTo(outcome.transactionId());
    PaymentOutcome again = service.pay(tenant, id);
    assertThat(again.success()).isTrue();
    assertThat(again.transactionId()).isEqualTo(outcome.transactionId());
    assertThat(payments.charged()).hasSize(1);
  }

  @Test
  void a_declined_payment_answers_its_code_and_records_the_failure() {
    String id = booked();
    payments.approve(false);
    PaymentOutcome outcome = service.pay(tenant, id);
    assertThat(outcome)
        .isEqualTo(new PaymentOutcome(false, null, "Card declined", "CARD_DECLINED"));
    assertThat(service.events(tenant, id))
        .extracting(StoredEvent::type)
        .containsExactly(
            EventType.RESERVATION_CREATED, EventType.PAYMENT_CLAIMED, EventType.PAYMENT_FAILED);
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  @Test
  void paying_without_a_payment_service_is_service_unavailable() {
    ReservationService unpaid = ReservationService.builder(storage).clock(clock).build();
    String id = booked();
    PaymentOutcome outcome = unpaid.pay(tenant, id);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.errorCode()).isEqualTo(PaymentOutcome.SERVICE_UNAVAILABLE);
    assertThat(service.events(tenant, id)).hasSize(1);
  }

  @Test
  void paying_an_unknown_or_cancelled_reservation_answers_a_code_without_charging() {
    assertThat(service.pay(tenant, UUID.randomUUID().toString()).errorCode())
        .isEqualTo(PaymentOutcome.RESERVATION_NOT_FOUND);
    String id = booked();
    service.cancel(tenant, id, null);
    assertThat(service.pay(tenant, id).errorCode()).isEqualTo(PaymentOutcome.INVALID_STATUS);
    assertThat(payments.charged()).isEmpty();
  }

  @Test
  void a_payment_that_lands_after_a_cancellation_is_refunded() {
    String id = booked();
    ReservationService racing =
        payingWhile(() -> service.cancel(tenant, id, "cancelled while paying"), "txn-late");

    PaymentOutcome outcome = racing.pay(tenant, id);

    assertThat(outcome.success()).isFalse();
    assertThat(payments.refunded()).containsExactly("txn-late");
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.CANCELLED);
  }

  @Test
  void a_payment_confirmed_by_the_payment_services_callback_meanwhile_is_attached_not_refunded() {
    String id = booked();
    ReservationService paying =
        payingWhile(() -> service.confirm(tenant, id, null), "txn-callback");

    PaymentOutcome outcome = paying.pay(tenant, id);

    assertThat(outcome.success()).isTrue();
    assertThat(payments.refunded()).isEmpty();
    ReservationView after = service.byId(tenant, id).orElseThrow();
    assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(after.transactionId()).isEqualTo("txn-callback");
  }

  @Test
  void expiry_counts_only_reservations_it_expired() {
    booked();
    clock.advance(Duration.ofMinutes(20));
    assertThat(service.expireDue(tenant, 100)).isEqualTo(1);
    assertThat(service.expireDue(tenant, 100)).isZero();
  }

  /**
   * A service whose payment gateway runs {@code meanwhile} while the charge is in flight, then
   * approves it as {@code transactionId}; refunds go to {@link #payments}.
   */
  private ReservationService payingWhile(Runnable meanwhile, String transactionId) {
    return ReservationService.builder(storage)
        .clock(clock)
        .paymentGateway(
            new com.parkora.reservation.port.PaymentGateway() {
              @Override
              public ChargeResult charge(TenantId t, UUID r, UUID u, BigDecimal amount) {
                meanwhile.run();
                return new ChargeResult.Charged(transactionId, "ok");
              }

              @Override
              public RefundResult refund(TenantId t, String txn, BigDecimal amount, String reason) {
                return payments.refund(t, txn, amount, reason);
              }
            })
        .build();
  }

  // ---- expiry ----

  @Test
  void pending_reservations_expire_after_the_hold() {
    String id = booked();
    clock.advance(Duration.ofMinutes(14));
    assertThat(service.expireDue(tenant, 100)).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.expireDue(tenant, 100)).isEqualTo(1);
    assertThat(service.byId(tenant, id).orElseThrow().status())
        .isEqualTo(ReservationStatus.EXPIRED);
    assertThat(book("A-12", "2026-12-01T09:30:00Z", 2).status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  // ---- queries ----

  @Test
  void page_limits_are_checked() {
    assertThatThrownBy(() -> service.list(tenant, null, null, 501, 0))
        .isInstanceOfSatisfying(
            ReservationException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    assertThatThrownBy(() -> service.list(tenant, null, null, -1, 0))
        .isInstanceOf(ReservationException.InvalidInput.class);
    assertThatThrownBy(() -> service.list(tenant, null, null, 10, -1))
        .isInstanceOf(ReservationException.InvalidInput.class);
    assertThatThrownBy(() -> service.list(tenant, "SOMETIMES", null, 10, 0))
        .isInstanceOf(ReservationException.InvalidInput.class);
    assertThat(service.list(tenant, null, null, 500, 0)).isEmpty();
  }

  @Test
  void availability_lists_conflicts_only_when_taken() {
    String id = booked();
    assertThat(service.availability(tenant, "A-12", "2026-12-01T11:30:00Z", 1))
        .isEqualTo(new Availability(true, null));
    assertThat(service.availability(tenant, "A-12", "2026-12-01T11:00:00Z", 1))
        .isEqualTo(new Availability(false, java.util.List.of(UUID.fromString(id))));
  }

  @Test
  void the_state_at_an_instant_and_the_history_come_from_the_events() {
    String id = booked();
    clock.advance(Duration.ofMinutes(5));
    service.confirm(tenant, id, "t-1");
    clock.advance(Duration.ofMinutes(5));
    service.cancel(tenant, id, null);

    assertThat(service.stateAt(tenant, id, "2026-12-01T08:04:59Z").orElseThrow().status())
        .isEqualTo(ReservationStatus.PENDING);
    assertThat(service.stateAt(tenant, id, "2026-12-01T08:05:00Z").orElseThrow().status())
        .isEqualTo(ReservationStatus.CONFIRMED);
    assertThat(service.stateAt(tenant, id, "2026-12-01T07:00:00Z")).isEmpty();
    assertThat(service.history(tenant, id).get(1).transactionId()).isEqualTo("t-1");
    assertThat(service.history(tenant, id))
        .extracting(ReservationView::status)
        .containsExactly(
            ReservationStatus.PENDING,
            ReservationStatus.CONFIRMED,
            ReservationStatus.CANCELLED,
            ReservationStatus.CANCELLED, // the cancel owes t-1 back: refund requested,
            ReservationStatus.CANCELLED); // and made
  }

  @Test
  void stats_count_by_status() {
    booked();
    String other = book("B-1", "2026-12-01T09:30:00Z", 1).id().toString();
    service.confirm(tenant, other, null);
    var stats = service.stats(tenant);
    assertThat(stats.total()).isEqualTo(2);
    assertThat(stats.active()).isEqualTo(2);
    assertThat(stats.of(ReservationStatus.CONFIRMED)).isEqualTo(1);
    assertThat(service.eventStats(tenant).totalEvents()).isEqualTo(3);
  }
}
