package com.parkora.reservation.domain;

import com.parkora.reservation.domain.ReservationEvent.PaymentClaimed;
import com.parkora.reservation.domain.ReservationEvent.PaymentFailed;
import com.parkora.reservation.domain.ReservationEvent.PaymentOutcomeUnknown;
import com.parkora.reservation.domain.ReservationEvent.PaymentProcessed;
import com.parkora.reservation.domain.ReservationEvent.PaymentReleased;
import com.parkora.reservation.domain.ReservationEvent.PaymentSettled;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundFailed;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationCompleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationEvent.ReservationDeleted;
import com.parkora.reservation.domain.ReservationEvent.ReservationExpired;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservation aggregate: an immutable state folded from its events ({@link #evolve}) and pure
 * decisions that check a command against that state and answer the events it causes.
 */
public record Reservation(
    UUID id,
    TenantId tenantId,
    UUID userId,
    String parkingSpotId,
    Instant startTime,
    Instant endTime,
    int durationHours,
    BigDecimal totalCost,
    ReservationStatus status,
    String transactionId,
    Instant createdAt,
    Instant updatedAt,
    long version,
    boolean deleted,
    PaymentState payment) {

  /** Folds a stream, oldest first. The stream must start with its creation. */
  public static Reservation replay(List<ReservationEvent> events) {
    Reservation state = null;
    for (ReservationEvent event : events) {
      state = evolve(state, event);
    }
    return state;
  }

  /** The reservation as {@code events} leave it; empty when there are none or it was deleted. */
  public static Optional<Reservation> current(List<ReservationEvent> events) {
    if (events.isEmpty()) {
      return Optional.empty();
    }
    Reservation state = replay(events);
    return state.deleted() ? Optional.empty() : Optional.of(state);
  }

  /** The state after one more event; {@code state} is null before the creation. */
  public static Reservation evolve(Reservation state, ReservationEvent event) {
    if (state == null) {
      if (!(event instanceof ReservationCreated created)) {
        throw new IllegalStateException(
            "stream of " + event.reservationId() + " does not start with its creation");
      }
      return new Reservation(
          created.reservationId(),
          created.tenantId(),
          created.userId(),
          created.parkingSpotId(),
          created.startTime(),
          created.endTime(),
          created.durationHours(),
          created.totalCost(),
          EventType.RESERVATION_CREATED.resultingStatus(),
          null,
          created.occurredAt(),
          created.occurredAt(),
          1,
          false,
          PaymentState.NONE);
    }
    return switch (event) {
      case ReservationCreated e ->
          throw new IllegalStateException("reservation " + state.id() + " created twice");
      case ReservationConfirmed e ->
          state.moved(e, e.transactionId() == null ? state.transactionId : e.transactionId());
      case PaymentProcessed e -> state.moved(e, e.transactionId());
      case ReservationCancelled e -> state.moved(e, state.transactionId);
      case ReservationCompleted e -> state.moved(e, state.transactionId);
      case ReservationExpired e -> state.moved(e, state.transactionId);
      case PaymentFailed e -> state.moved(e, state.transactionId);
      case ReservationDeleted e -> state.removed(e.occurredAt());
      case PaymentClaimed e -> state.moved(e, state.transactionId);
      case PaymentReleased e -> state.moved(e, state.transactionId);
      case PaymentOutcomeUnknown e -> state.moved(e, state.transactionId);
      case PaymentSettled e -> state.moved(e, state.transactionId);
      case RefundRequested e -> state.moved(e, state.transactionId);
      case RefundFailed e -> state.moved(e, state.transactionId);
      case RefundCompleted e -> state.moved(e, state.transactionId);
      case ReservationEvent.RefundRefused e -> state.moved(e, state.transactionId);
    };
  }

  /** The state after {@code event}, its status taken from {@link EventType}. */
  private Reservation moved(ReservationEvent event, String txn) {
    return next(
        EventType.of(event).statusAfter(status),
        txn,
        event.occurredAt(),
        deleted,
        payment.evolve(event));
  }

  private Reservation removed(Instant at) {
    return next(status, transactionId, at, true, payment);
  }

  /** The state one event later: the booking's facts and creation time stay. */
  private Reservation next(
      ReservationStatus newStatus,
      String newTransactionId,
      Instant at,
      boolean nowDeleted,
      PaymentState newPayment) {
    return new Reservation(
        id,
        tenantId,
        userId,
        parkingSpotId,
        startTime,
        endTime,
        durationHours,
        totalCost,
        newStatus,
        newTransactionId,
        createdAt,
        at,
        version + 1,
        nowDeleted,
        newPayment);
  }

  // ---- decisions: pure, time comes in as an argument ----

  public static ReservationCreated create(
      TenantId tenant, UUID id, CreateReservation command, Instant now) {
    return new ReservationCreated(
        id,
        tenant,
        command.userId(),
        command.parkingSpotId(),
        command.startTime(),
        command.endTime(),
        command.durationHours(),
        command.totalCost(),
        now);
  }

  /** Confirming again with the same (or no) transaction changes nothing: callbacks may repeat. */
  public List<ReservationEvent> confirm(String transactionId, Instant now) {
    if (status == ReservationStatus.CONFIRMED
        && (transactionId == null || isPaidWith(transactionId))) {
      return List.of();
    }
    require(ReservationStatus.PENDING, "confirm");
    return List.of(new ReservationConfirmed(id, transactionId, now));
  }

  public List<ReservationEvent> cancel(String reason, String refundId, Instant now) {
    if (!status.isActive()) {
      throw new ReservationException.InvalidState(status, "cancel");
    }
    return List.of(new ReservationCancelled(id, reason, refundId, now));
  }

  public List<ReservationEvent> complete(Instant now) {
    require(ReservationStatus.CONFIRMED, "complete");
    return List.of(new ReservationCompleted(id, now));
  }

  public List<ReservationEvent> expire(Instant now) {
    require(ReservationStatus.PENDING, "expire");
    return List.of(new ReservationExpired(id, now));
  }

  /**
   * Whether {@code transactionId} is this reservation's payment: it is CONFIRMED or COMPLETED with
   * that very transaction. The one answer to that question for every decision about money.
   */
  public boolean isPaidWith(String transactionId) {
    return transactionId != null
        && !deleted
        && transactionId.equals(this.transactionId)
        && (status == ReservationStatus.CONFIRMED || status == ReservationStatus.COMPLETED);
  }

  /** PENDING, or CONFIRMED with no payment recorded. */
  public boolean isPayable() {
    return status == ReservationStatus.PENDING
        || status == ReservationStatus.CONFIRMED && transactionId == null;
  }

  /** Only a reservation that never held a paid slot may be deleted: PENDING or CANCELLED. */
  public List<ReservationEvent> delete(Instant now) {
    if (status != ReservationStatus.PENDING && status != ReservationStatus.CANCELLED) {
      throw new ReservationException.InvalidState(status, "delete");
    }
    return List.of(new ReservationDeleted(id, now));
  }

  /** Due for expiry: still PENDING when its hold is over ({@link BookingWindow#isOver}). */
  public boolean isExpiryDue(Instant now, BookingWindow window) {
    return status == ReservationStatus.PENDING && window.isOver(createdAt, endTime, now);
  }

  private void require(ReservationStatus expected, String action) {
    if (status != expected) {
      throw new ReservationException.InvalidState(status, action);
    }
  }
}
