package com.parkora.reservation.contract;

import static com.parkora.reservation.contract.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.PaymentOutcome;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PENDING reservation stays payable for its whole hold, whatever its start, with the expiry sweep
 * running between every step (as {@code serve} runs it): the start grace and the hold are one rule
 * (the core's {@code BookingWindow}). A subclass answers {@link #newStorage()}.
 */
public abstract class PendingHoldContract {

  private static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";
  private static final Duration HOLD = Duration.ofMinutes(15); // the defaults
  private static final Duration GRACE = Duration.ofMinutes(180);

  private final TestClock clock = new TestClock(Fixtures.T0);
  private final TenantId tenant = newTenant();
  private ReservationService service;

  protected abstract Storage newStorage();

  @BeforeEach
  void buildService() {
    service =
        ReservationService.builder(newStorage())
            .clock(clock)
            .paymentGateway(new TestPayments())
            .build();
  }

  @Test
  void a_start_at_the_edge_of_the_grace_is_paid_a_minute_later() {
    String id = book(clock.instant().minus(GRACE), 4);

    clock.advance(Duration.ofMinutes(1));
    sweep();

    assertPaid(id);
  }

  @Test
  void a_start_already_past_stays_payable_until_the_hold_runs_out_then_expires() {
    String paid = book(clock.instant().minus(Duration.ofMinutes(30)), 1);
    String unpaid = book(clock.instant().minus(Duration.ofMinutes(30)), 1);

    clock.advance(HOLD.minusSeconds(1));
    sweep();
    assertPaid(paid);
    assertThat(status(unpaid)).isEqualTo(ReservationStatus.PENDING);

    clock.advance(Duration.ofSeconds(1));
    sweep();
    assertThat(status(unpaid)).isEqualTo(ReservationStatus.EXPIRED);
    assertThat(status(paid)).isEqualTo(ReservationStatus.CONFIRMED);
  }

  /**
   * The front end fills its local-time start field with the UTC wall-clock time of now + 30 min,
   * and the browser reads it as local time: from UTC+1 (winter) or UTC+2 (summer) the start arrives
   * 30 or 90 minutes in the past, up to 30 more when the user takes a minute or two to fill the
   * form (the issue saw 18 minutes). Paid on the last second of the hold, with the sweep running
   * every step of the way.
   */
  @ParameterizedTest(name = "{0}, form filled {1} min after it opened, {2} h")
  @MethodSource("frontEndStarts")
  void the_front_ends_default_start_is_payable_for_the_whole_hold(
      String zone, int minutesLate, int hours) {
    Instant opened = clock.instant().minus(Duration.ofMinutes(minutesLate));
    String id = book(frontEndDefaultStart(opened, ZoneId.of(zone)), hours);

    Duration step = Duration.ofSeconds(30);
    int steps = (int) (HOLD.toSeconds() / step.toSeconds()) - 1;
    for (int i = 0; i < steps; i++) {
      sweep();
      assertThat(status(id))
          .as("after %s", step.multipliedBy(i))
          .isEqualTo(ReservationStatus.PENDING);
      clock.advance(step);
    }
    clock.advance(HOLD.minus(step.multipliedBy(steps)).minusSeconds(1));
    sweep();
    assertPaid(id);
  }

  static Stream<Arguments> frontEndStarts() {
    return Stream.of(
        Arguments.of("+01:00", 0, 1),
        Arguments.of("+01:00", 30, 2),
        Arguments.of("+02:00", 0, 2),
        Arguments.of("+02:00", 30, 3));
  }

  @Test
  void a_booking_that_would_end_within_its_hold_is_refused_at_once() {
    Instant twoHoursAgoUtcPlus2 = frontEndDefaultStart(clock.instant(), ZoneOffset.ofHours(2));

    assertThatThrownBy(() -> book(twoHoursAgoUtcPlus2, 1))
        .isInstanceOfSatisfying(
            ReservationException.InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("endTime"))
        .hasMessageContaining("15 minutes");
  }

  @Test
  void a_pending_reservation_whose_end_passed_expires_before_its_hold_runs_out() {
    Storage storage = newStorage();
    ReservationService shortHold =
        ReservationService.builder(storage).clock(clock).pendingHold(Duration.ofHours(3)).build();
    UUID id = Fixtures.book(storage, tenant, "S-9", clock.instant().minus(Duration.ofHours(1)), 1);
    // created by an older release (or with a longer hold): its end has passed already
    shortHold.expireDue(tenant, 10);

    assertThat(shortHold.byId(tenant, id.toString()).orElseThrow().status())
        .isEqualTo(ReservationStatus.EXPIRED);
  }

  private static Instant frontEndDefaultStart(Instant opened, ZoneId browserZone) {
    LocalDateTime utcWallClock =
        LocalDateTime.ofInstant(opened.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);
    return utcWallClock.atZone(browserZone).toInstant();
  }

  private String book(Instant start, int hours) {
    return service
        .create(tenant, USER, "P-" + UUID.randomUUID(), start.toString(), hours, 7.5)
        .id()
        .toString();
  }

  private void sweep() {
    service.expireDue(tenant, 100);
  }

  private ReservationStatus status(String id) {
    return service.byId(tenant, id).orElseThrow().status();
  }

  private void assertPaid(String id) {
    PaymentOutcome outcome = service.pay(tenant, id);
    assertThat(outcome.success()).as("%s", outcome).isTrue();
    assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
  }
}
