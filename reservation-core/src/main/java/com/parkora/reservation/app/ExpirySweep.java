package com.parkora.reservation.app;

import com.parkora.reservation.domain.BookingWindow;
import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Expires PENDING reservations whose hold is over ({@link BookingWindow}: it ran out, or their end
 * has passed). Safe to run from several instances: a lost race is skipped, and a reservation that
 * cannot be read is logged and skipped, never holding up the others.
 */
record ExpirySweep(
    Storage storage,
    CommandLoop loop,
    CommandClock clock,
    BookingWindow window,
    Duration callLimit) {

  private static final System.Logger LOG = System.getLogger(ExpirySweep.class.getName());

  /** Expires up to {@code batch} due reservations of the tenant; answers how many it expired. */
  int expireDue(TenantId tenant, int batch) {
    Instant now = clock.now();
    List<UUID> due =
        storage.inTransaction(
            tenant, uow -> uow.readModel().pendingDue(now.minus(window.hold()), now, batch));
    int expired = 0;
    for (UUID id : due) {
      if (expireIfDue(tenant, id)) {
        expired++;
      }
    }
    return expired;
  }

  /**
   * A charge may be in flight: its claim stays, and a late success is refunded. A claim older than
   * a call can take is recorded as unknown first, so that it waits to be settled.
   */
  private List<ReservationEvent> expiry(Reservation state) {
    return Stream.concat(
            new PaymentDecisions(state).abandoned(clock.now(), callLimit).stream(),
            state.expire(clock.now()).stream())
        .toList();
  }

  private boolean expireIfDue(TenantId tenant, UUID id) {
    try {
      ReservationView after =
          loop.decide(
              tenant,
              new ReservationId(id),
              state -> state.isExpiryDue(clock.now(), window) ? expiry(state) : List.of());
      return after.status() == ReservationStatus.EXPIRED;
    } catch (ReservationException raced) {
      return false; // another instance or command got there first, or the row moved on
    } catch (RuntimeException unreadable) {
      LOG.log(
          Level.WARNING,
          "cannot expire reservation "
              + id
              + " of tenant "
              + tenant
              + ": "
              + unreadable.getMessage(),
          unreadable);
      return false;
    }
  }
}
