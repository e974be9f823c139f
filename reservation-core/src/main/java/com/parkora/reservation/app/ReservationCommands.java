package com.parkora.reservation.app;

import com.parkora.reservation.domain.BookingWindow;
import com.parkora.reservation.domain.CancelReservation;
import com.parkora.reservation.domain.ConfirmReservation;
import com.parkora.reservation.domain.CreateReservation;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.PaymentDecisions;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.BearerToken;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.SpotDirectory;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The commands on reservations: raw input parsed into a command, then run by the loop. */
record ReservationCommands(
    CommandLoop loop,
    CommandClock clock,
    Supplier<UUID> ids,
    SpotDirectory spots,
    RefundFlow refunds,
    BookingWindow window) {

  /**
   * Books for the actor (an ordinary user books for themself), checks the spot and its price with
   * the directory (no unit of work open), then books it if it is free.
   *
   * @param sentCost the total cost as the client sent it, unrounded; null when left out
   */
  ReservationView create(TenantId tenant, CreateReservation unpriced, Double sentCost) {
    loop.actor().requireOwn("userId", unpriced.userId());
    BearerToken token = loop.actor().credential();
    if (!spots.exists(unpriced.parkingSpotId(), token)) {
      throw new ReservationException.UnknownParkingSpot(unpriced.parkingSpotId());
    }
    CreateReservation command = new Pricing(spots, token).priced(unpriced, sentCost);
    ReservationCreated created = Reservation.create(tenant, ids.get(), command, clock.now());
    // the store refuses an overlap itself (SLOT_UNAVAILABLE naming the holders), in the write
    return loop.start(tenant, created);
  }

  /**
   * Parses raw create input with this service's clock and booking window; a total cost left out
   * parses as 0 and is priced by {@link #create}.
   */
  CreateReservation parseCreate(
      String userId, String parkingSpotId, String startTime, Integer hours, Double totalCost) {
    return CreateReservation.parse(
        userId,
        parkingSpotId,
        startTime,
        hours,
        totalCost == null ? 0.0 : totalCost,
        clock.now(),
        window);
  }

  /** What a booking of {@code hours} at the parking costs, as {@link #create} prices it. */
  double quote(String parkingSpotId, Integer hours) {
    String spot = CreateReservation.spot(parkingSpotId);
    int checkedHours = CreateReservation.durationHours(hours);
    BearerToken token = loop.actor().credential();
    if (!spots.exists(spot, token)) {
      throw new ReservationException.UnknownParkingSpot(spot);
    }
    return new Pricing(spots, token).quote(spot, checkedHours).doubleValue();
  }

  ReservationView confirm(TenantId tenant, String id, String transactionId) {
    loop.actor().requireSettlement();
    ConfirmReservation command = ConfirmReservation.parse(id, transactionId);
    return loop.decideAnswering(
        tenant,
        command.id(),
        state -> state.confirm(command.transactionId(), clock.now()),
        ReservationView::of);
  }

  ReservationView cancel(TenantId tenant, String id, String reason) {
    CancelReservation command = CancelReservation.parse(id, reason);
    Reservation[] decided = new Reservation[1];
    ReservationView view =
        loop.decideAnswering(
            tenant,
            command.id(),
            state ->
                Stream.concat(
                        state.cancel(command.reason(), null, clock.now()).stream(),
                        refunds.enabled()
                            ? new PaymentDecisions(state)
                                .refundOnCancel(command.reason(), clock.now()).stream()
                            : Stream.empty())
                    .toList(),
            state -> {
              decided[0] = state;
              return ReservationView.of(state);
            });
    Reservation after = decided[0];
    if (after.transactionId() != null && after.payment().refundOwed(after.transactionId())) {
      refunds.sendNow(tenant, after.transactionId()); // after the cancellation committed
    }
    return view;
  }

  ReservationView complete(TenantId tenant, String id) {
    loop.actor().requireSettlement();
    return loop.decideAnswering(
        tenant, ReservationId.parse(id), state -> state.complete(clock.now()), ReservationView::of);
  }

  /** Deletes a PENDING or CANCELLED reservation; answers instead of throwing. */
  DeleteOutcome delete(TenantId tenant, String id) {
    Optional<ReservationId> target = ReservationId.lookup(id);
    if (target.isEmpty()) {
      return notFound(id);
    }
    try {
      return loop.decideAnswering(
          tenant,
          target.get(),
          state -> state.delete(clock.now()),
          state -> new DeleteOutcome(true, "Reservation " + id + " deleted"));
    } catch (ReservationException.NotFound e) {
      return notFound(id);
    } catch (ReservationException.InvalidState e) {
      return new DeleteOutcome(
          false, e.getMessage() + ": only PENDING or CANCELLED ones can be deleted");
    }
  }

  private static DeleteOutcome notFound(String id) {
    return new DeleteOutcome(false, "Reservation " + Inputs.clip(id) + " not found");
  }
}
