package com.parkora.reservation.app;

import com.parkora.reservation.domain.BookingWindow;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.SpotDirectory;
import com.parkora.reservation.port.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@link ReservationService}; collaborators beyond the storage default to: system clock,
 * random ids, any spot, no payments.
 */
public final class ReservationServiceBuilder {
  final Storage storage;
  Clock clock = Clock.systemUTC();
  Supplier<UUID> ids = UUID::randomUUID;
  SpotDirectory spots = SpotDirectory.ANY;
  PaymentGateway paymentGateway = PaymentGateway.NONE;
  BookingWindow window = BookingWindow.DEFAULT;
  Duration callLimit = Duration.ofSeconds(15);
  RefundFlow.Backoff refundBackoff =
      new RefundFlow.Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
  Duration idempotencyTtl = DEFAULT_IDEMPOTENCY_TTL;

  /** How long the answers of keyed requests are kept by default ({@code IDEMPOTENCY_TTL}). */
  public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);

  ReservationServiceBuilder(Storage storage) {
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  public ReservationServiceBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  public ReservationServiceBuilder ids(Supplier<UUID> value) {
    this.ids = value;
    return this;
  }

  public ReservationServiceBuilder spots(SpotDirectory value) {
    this.spots = value;
    return this;
  }

  public ReservationServiceBuilder paymentGateway(PaymentGateway value) {
    this.paymentGateway = value;
    return this;
  }

  /** How long a new reservation waits, PENDING, to be paid ({@link BookingWindow}). */
  public ReservationServiceBuilder pendingHold(Duration value) {
    this.window = window.withHold(value);
    return this;
  }

  /** The longest a charge takes; racing pays wait that long, older claims count as unknown. */
  public ReservationServiceBuilder paymentCallLimit(Duration value) {
    this.callLimit = value;
    return this;
  }

  /** A failed refund waits {@code first}, doubling with each failure up to {@code max}. */
  public ReservationServiceBuilder refundBackoff(Duration first, Duration max) {
    this.refundBackoff = new RefundFlow.Backoff(first, max);
    return this;
  }

  /** How far in the past a new reservation's start may lie ({@link BookingWindow}). */
  public ReservationServiceBuilder startGrace(Duration value) {
    this.window = window.withStartGrace(value);
    return this;
  }

  /** How long an {@code Idempotency-Key} and its answer are kept. */
  public ReservationServiceBuilder idempotencyTtl(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("the idempotency TTL must be positive");
    }
    this.idempotencyTtl = value;
    return this;
  }

  public ReservationService build() {
    return new ReservationService(new ServiceParts(this), Actor.SYSTEM_ACTOR);
  }
}
