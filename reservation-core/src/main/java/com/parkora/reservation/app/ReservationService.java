package com.parkora.reservation.app;

import com.parkora.reservation.domain.CreateReservation;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point of the core: every command and query of the service, over one {@link Storage}.
 * Each call is handed to the class that owns it; a command loads its stream, decides, appends with
 * the expected version and projects in one unit of work, and on a version clash decides again (see
 * {@link CommandLoop}). Remote calls (spot directory, payments) happen with no unit of work open.
 */
public final class ReservationService {

  public static final int MAX_PAGE = ReservationQueries.MAX_PAGE;

  private final ServiceParts parts;
  private final Actor actor;
  private final ReservationCommands commands;
  private final PaymentFlow paymentFlow;
  private final ReservationQueries queries;
  private final ReservationHistory history;

  ReservationService(ServiceParts parts, Actor actor) {
    this(parts, actor, AnswerRecorder.NONE);
  }

  private ReservationService(ServiceParts parts, Actor actor, AnswerRecorder recorder) {
    this.parts = parts;
    this.actor = Objects.requireNonNull(actor, "actor");
    this.commands = parts.commands(actor, recorder);
    this.paymentFlow = parts.paymentFlow(actor, recorder);
    this.queries = parts.queries(actor);
    this.history = parts.history(actor);
  }

  /** A service acting as {@link Actor#SYSTEM_ACTOR}; {@link #as} binds it to a caller. */
  public static ReservationServiceBuilder builder(Storage storage) {
    return new ReservationServiceBuilder(storage);
  }

  /**
   * The same service acting for {@code other}: what it may see and change follows {@link Actor},
   * and the events it records name it. Cheap: made per request.
   */
  public ReservationService as(Actor other) {
    return new ReservationService(parts, other);
  }

  public Actor actor() {
    return actor;
  }

  /**
   * The same service, its commands keeping their answers through {@code recorder} in the unit of
   * work of their final events: for a request sent with an {@code Idempotency-Key}.
   */
  public ReservationService answering(AnswerRecorder recorder) {
    return new ReservationService(parts, actor, Objects.requireNonNull(recorder, "recorder"));
  }

  /** Claims, answers and expiry of {@code Idempotency-Key}s. */
  public Idempotency idempotency() {
    return parts.idempotency;
  }

  // ---- commands ----

  /**
   * Books; when the parking service lists a price for the parking, the command's cost must be that
   * price to within half a cent (PRICE_MISMATCH otherwise), see {@link Pricing}.
   */
  public ReservationView create(TenantId tenant, CreateReservation command) {
    return commands.create(tenant, command, command.totalCost().doubleValue());
  }

  /**
   * Validates raw input with this service's clock, then creates. A {@code totalCost} left out
   * (null) is the parking's listed price, and INVALID_INPUT when none is listed.
   */
  public ReservationView create(
      TenantId tenant,
      String userId,
      String parkingSpotId,
      String startTime,
      Integer durationHours,
      Double totalCost) {
    return commands.create(
        tenant,
        commands.parseCreate(userId, parkingSpotId, startTime, durationHours, totalCost),
        totalCost);
  }

  /**
   * What booking the parking for {@code durationHours} costs: its listed hourly price times the
   * hours, to the cent. INVALID_INPUT when no price is listed (or no parking service is set).
   */
  public double quote(String parkingSpotId, Integer durationHours) {
    return commands.quote(parkingSpotId, durationHours);
  }

  public ReservationView confirm(TenantId tenant, String id, String transactionId) {
    return commands.confirm(tenant, id, transactionId);
  }

  public ReservationView cancel(TenantId tenant, String id, String reason) {
    return commands.cancel(tenant, id, reason);
  }

  public ReservationView complete(TenantId tenant, String id) {
    return commands.complete(tenant, id);
  }

  /**
   * Deletes a PENDING or CANCELLED reservation; answers instead of throwing for the client's sake.
   */
  public DeleteOutcome delete(TenantId tenant, String id) {
    return commands.delete(tenant, id);
  }

  /** Charges a PENDING reservation and confirms it; payment outcomes are answers, not errors. */
  public PaymentOutcome pay(TenantId tenant, String id) {
    return paymentFlow.pay(tenant, id);
  }

  /** Administration: settling unknown payment outcomes, and the refunds owed. */
  public PaymentAdministration paymentAdministration() {
    actor.requireAdmin();
    return new PaymentAdministration(parts);
  }

  /**
   * Expires this tenant's PENDING reservations whose hold ran out or whose start has passed; safe
   * to run from several instances. Administration.
   *
   * @return how many were expired by this call
   */
  public int expireDue(TenantId tenant, int batch) {
    actor.requireAdmin();
    return parts.expiry.expireDue(tenant, batch);
  }

  // ---- queries ----

  public Optional<ReservationView> byId(TenantId tenant, String id) {
    return queries.byId(tenant, id);
  }

  public List<ReservationView> list(
      TenantId tenant, String status, String userId, int limit, int offset) {
    return queries.list(tenant, status, userId, limit, offset);
  }

  public List<ReservationView> byUser(TenantId tenant, String userId, boolean includeCompleted) {
    return queries.byUser(tenant, userId, includeCompleted);
  }

  public List<ReservationView> bySpot(
      TenantId tenant, String parkingSpotId, String startTime, String endTime) {
    return queries.bySpot(tenant, parkingSpotId, startTime, endTime);
  }

  public Availability availability(
      TenantId tenant, String parkingSpotId, String startTime, Integer durationHours) {
    return queries.availability(tenant, parkingSpotId, startTime, durationHours);
  }

  public StatusCounts stats(TenantId tenant) {
    return queries.stats(tenant);
  }

  /** Administration: the counts of the tenant's event store. */
  public EventCounts eventStats(TenantId tenant) {
    return queries.eventStats(tenant);
  }

  // ---- the stream and points in time ----

  /** The stream of a reservation, oldest first; empty for an unknown or malformed id. */
  public List<StoredEvent> events(TenantId tenant, String id) {
    return history.events(tenant, id);
  }

  /**
   * The reservation as it stood at {@code asOf}, folded from its events; empty before it existed.
   */
  public Optional<ReservationView> stateAt(TenantId tenant, String id, String asOf) {
    return history.stateAt(tenant, id, asOf);
  }

  /** The state after each event, oldest first (a deletion shows the last state before it). */
  public List<ReservationView> history(TenantId tenant, String id) {
    return history.history(tenant, id);
  }

  // ---- administration ----

  /**
   * Administration: replays the tenant's events into a fresh read model; answers how many were
   * replayed.
   */
  public long rebuild(TenantId tenant, Storage.RebuildProgress progress) {
    actor.requireAdmin();
    return parts.storage.rebuild(tenant, new Projector(), progress);
  }

  public boolean isReady() {
    return parts.storage.isReady();
  }
}
