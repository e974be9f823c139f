package com.parkora.reservation.app;

import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.port.UnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How every command runs: load the stream, decide, record (append with the expected version and
 * project) in one unit of work; on a version clash load and decide again, up to {@value #ATTEMPTS}
 * times, then answer CONFLICT. A loop acts for one {@link Actor}: a reservation it may not see is
 * not found, and what it records names the actor. A loop answering a keyed request hands the
 * command's answer to its {@link AnswerRecorder} in the unit of work of the final events.
 */
record CommandLoop(Storage storage, NewEvents newEvents, Actor actor, AnswerRecorder recorder) {

  static final int ATTEMPTS = 3;

  /** What a decision recorded, and the state it left. */
  record Decided(Reservation state, List<ReservationEvent> events) {}

  CommandLoop(Storage storage, NewEvents newEvents, Actor actor) {
    this(storage, newEvents, actor, AnswerRecorder.NONE);
  }

  /** The same loop acting for {@code other}, keeping no answers. */
  CommandLoop as(Actor other) {
    return new CommandLoop(storage, newEvents, other, AnswerRecorder.NONE);
  }

  /** The same loop keeping the answers of its commands through {@code other}. */
  CommandLoop answering(AnswerRecorder other) {
    return new CommandLoop(storage, newEvents, actor, other);
  }

  /** Runs {@code decision} against the reservation's current state and records what it answers. */
  ReservationView decide(
      TenantId tenant, ReservationId id, Function<Reservation, List<ReservationEvent>> decision) {
    return ReservationView.of(decideState(tenant, id, decision));
  }

  /** As {@link #decide}, answering the whole state after the decision. */
  Reservation decideState(
      TenantId tenant, ReservationId id, Function<Reservation, List<ReservationEvent>> decision) {
    return retried(tenant, uow -> decideOnce(uow, id.value(), decision)).state();
  }

  /**
   * As {@link #decideState}, answering {@code answer} of the state after the decision, which is
   * kept in the same unit of work as the decision's events (the command's final ones).
   */
  <R> R decideAnswering(
      TenantId tenant,
      ReservationId id,
      Function<Reservation, List<ReservationEvent>> decision,
      Function<Reservation, R> answer) {
    return retried(
        tenant,
        uow -> {
          R result = answer.apply(decideOnce(uow, id.value(), decision).state());
          recorder.keep(uow, result);
          return result;
        });
  }

  /**
   * As {@link #decideState}, on a deleted reservation's stream too: refunds can be owed, failed and
   * made after a deletion.
   */
  Reservation decideStateEvenIfDeleted(
      TenantId tenant, ReservationId id, Function<Reservation, List<ReservationEvent>> decision) {
    return decidedEvenIfDeleted(tenant, id, decision).state();
  }

  /** As {@link #decideStateEvenIfDeleted}, answering the events recorded too. */
  Decided decidedEvenIfDeleted(
      TenantId tenant, ReservationId id, Function<Reservation, List<ReservationEvent>> decision) {
    return retried(tenant, uow -> decideOnAny(uow, id.value(), decision));
  }

  private <R> R retried(TenantId tenant, Function<UnitOfWork, R> once) {
    for (int attempt = 1; ; attempt++) {
      try {
        return storage.inTransaction(tenant, once);
      } catch (ReservationException.Conflict clash) {
        if (attempt >= ATTEMPTS) {
          throw clash;
        }
      }
    }
  }

  /** Records the first event of a new stream. */
  ReservationView start(TenantId tenant, ReservationCreated created) {
    return storage.inTransaction(
        tenant,
        uow -> {
          uow.record(created.reservationId(), 0, newEvents.of(List.of(created), actor));
          ReservationView view = ReservationView.of(Reservation.evolve(null, created));
          recorder.keep(uow, view);
          return view;
        });
  }

  /**
   * The reservation as it stands, outside any command; empty when unknown, deleted or not the
   * actor's.
   */
  Optional<Reservation> load(TenantId tenant, ReservationId id) {
    return visible(storage.inTransaction(tenant, uow -> uow.events().load(id.value())));
  }

  private Decided decideOnce(
      UnitOfWork uow, UUID id, Function<Reservation, List<ReservationEvent>> decision) {
    Reservation state =
        visible(uow.events().load(id)).orElseThrow(() -> new ReservationException.NotFound(id));
    return recorded(uow, state, decision);
  }

  private Decided decideOnAny(
      UnitOfWork uow, UUID id, Function<Reservation, List<ReservationEvent>> decision) {
    List<StoredEvent> stream = uow.events().load(id);
    if (stream.isEmpty()) {
      throw new ReservationException.NotFound(id);
    }
    return recorded(
        uow, Reservation.replay(stream.stream().map(StoredEvent::event).toList()), decision);
  }

  private Decided recorded(
      UnitOfWork uow, Reservation state, Function<Reservation, List<ReservationEvent>> decision) {
    UUID id = state.id();
    List<ReservationEvent> changes = decision.apply(state);
    uow.record(id, state.version(), newEvents.of(changes, actor));
    for (ReservationEvent change : changes) {
      state = Reservation.evolve(state, change);
    }
    return new Decided(state, changes);
  }

  private Optional<Reservation> visible(List<StoredEvent> stream) {
    return current(stream).filter(state -> actor.sees(state.userId()));
  }

  static Optional<Reservation> current(List<StoredEvent> stream) {
    return Reservation.current(stream.stream().map(StoredEvent::event).toList());
  }
}
