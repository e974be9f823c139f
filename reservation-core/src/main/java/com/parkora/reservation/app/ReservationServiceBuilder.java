package com.parkora.reservation.app;

import com.parkora.reservation.domain.CreateReservation;
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
  /** How long a PENDING reservation is held before it expires, unless configured otherwise. */
  public static final Duration DEFAULT_PENDING_HOLD = Duration.ofMinutes(15);

  final Storage storage;
  Clock clock = Clock.systemUTC();
  Supplier<UUID> ids = UUID::randomUUID;
  SpotDirectory spots = SpotDirectory.ANY;
  PaymentGateway payments = PaymentGateway.NONE;
  Duration pendingHold = DEFAULT_PENDING_HOLD;
  Duration callLimit = Duration.ofSeconds(15);
  RefundFlow.Backoff refundBackoff =
      new RefundFlow.Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
  Duration startGrace = CreateReservation.DEFAULT_START_GRACE;

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

  public ReservationServiceBuilder payments(PaymentGateway value) {
    this.payments = value;
    return this;
  }

  public ReservationServiceBuilder pendingHold(Duration value) {
    this.pendingHold = value;
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

  /** How far in the past a new reservation's start may lie. */
  public ReservationServiceBuilder startGrace(Duration value) {
    this.startGrace = Objects.requireNonNull(value, "startGrace");
    return this;
  }

  public ReservationService build() {
    return new ReservationService(new ServiceParts(this), Actor.SYSTEM_ACTOR);
  }
}
