package com.parkora.reservation.app;

import com.parkora.reservation.domain.BookingWindow;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.SpotDirectory;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The collaborators every actor's view of a {@link ReservationService} shares, and the parts that
 * act for one actor, made on demand. The background work (refunds, settlement, expiry) acts for its
 * own job, whoever started it.
 */
final class ServiceParts {

  final Storage storage;
  final CommandClock clock;
  final Duration callLimit;
  final RefundFlow refunds;
  final ExpirySweep expiry;
  final Idempotency idempotency;
  private final Supplier<UUID> ids;
  private final SpotDirectory spots;
  private final PaymentGateway paymentGateway;
  private final BookingWindow window;
  private final CommandLoop loop;

  ServiceParts(ReservationServiceBuilder builder) {
    this.storage = builder.storage;
    this.clock = new CommandClock(builder.clock);
    this.ids = builder.ids;
    this.spots = builder.spots;
    this.paymentGateway = builder.paymentGateway;
    this.callLimit = builder.callLimit;
    this.window = builder.window;
    this.loop = new CommandLoop(storage, new NewEvents(ids), Actor.SYSTEM_ACTOR);
    this.refunds =
        new RefundFlow(
            loop.as(Actor.system("refunds")),
            clock,
            paymentGateway,
            storage,
            callLimit,
            builder.refundBackoff);
    this.idempotency = new Idempotency(storage, clock, builder.idempotencyTtl, callLimit);
    this.expiry =
        new ExpirySweep(storage, loop.as(Actor.system("expiry")), clock, window, callLimit);
  }

  /** The command loop acting for {@code actor}. */
  CommandLoop loop(Actor actor) {
    return loop.as(actor);
  }

  ReservationCommands commands(Actor actor, AnswerRecorder recorder) {
    return new ReservationCommands(
        loop.as(actor).answering(recorder), clock, ids, spots, refunds, window);
  }

  PaymentFlow paymentFlow(Actor actor, AnswerRecorder recorder) {
    return new PaymentFlow(
        loop.as(actor).answering(recorder), clock, paymentGateway, refunds, ids, callLimit);
  }

  ReservationQueries queries(Actor actor) {
    return new ReservationQueries(storage, actor);
  }

  ReservationHistory history(Actor actor) {
    return new ReservationHistory(storage, actor);
  }
}
