package com.parkora.reservation.app;

import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventReader;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads of a reservation's stream: its events, and its state at a point in time folded from them. A
 * malformed or unknown id finds nothing, and so does a reservation the {@link Actor} may not see.
 */
record ReservationHistory(Storage storage, Actor actor) {

  /** The stream, oldest first. */
  List<StoredEvent> events(TenantId tenant, String id) {
    return read(tenant, id, (events, target) -> events.load(target.value()));
  }

  /** The reservation as it stood at {@code asOf}; empty before it existed. */
  Optional<ReservationView> stateAt(TenantId tenant, String id, String asOf) {
    Instant at = Inputs.instant("asOf", asOf);
    return fold(read(tenant, id, (events, target) -> events.loadUpTo(target.value(), at)));
  }

  /** The state after each event, oldest first (a deletion shows the last state before it). */
  List<ReservationView> history(TenantId tenant, String id) {
    List<ReservationView> states = new ArrayList<>();
    Reservation state = null;
    for (StoredEvent event : events(tenant, id)) {
      state = Reservation.evolve(state, event.event());
      states.add(ReservationView.of(state));
    }
    return states;
  }

  private List<StoredEvent> read(
      TenantId tenant, String id, BiFunction<EventReader, ReservationId, List<StoredEvent>> query) {
    return ReservationId.lookup(id)
        .map(target -> storage.inTransaction(tenant, uow -> query.apply(uow.events(), target)))
        .filter(this::visible)
        .orElse(List.of());
  }

  /** A stream opens with its creation, which names the owner. */
  private boolean visible(List<StoredEvent> stream) {
    if (actor.seesAll() || stream.isEmpty()) {
      return true;
    }
    return stream.getFirst().event() instanceof ReservationCreated created
        && actor.sees(created.userId());
  }

  private static Optional<ReservationView> fold(List<StoredEvent> stream) {
    return CommandLoop.current(stream).map(ReservationView::of);
  }
}
