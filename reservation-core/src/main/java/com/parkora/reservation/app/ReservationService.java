package com.parkora.reservation.app;

import com.parkora.reservation.domain.CreateReservation;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.Reservation;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.SpotDirectory;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The command and query handlers. A command loads its stream, decides, appends with the expected
 * version and projects, all in one unit of work; on a version clash it loads and decides again, up
 * to {@value #ATTEMPTS} times, then answers CONFLICT. Remote calls (spot directory, payments)
 * happen with no unit of work open.
 */
public final class ReservationService {

  static final int ATTEMPTS = 3;
  private static final System.Logger LOG = System.getLogger(ReservationService.class.getName());
  public static final int MAX_PAGE = 500;

  private final Storage storage;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final SpotDirectory spots;
  private final PaymentGateway payments;
  private final Duration pendingHold;
  private final Projector projector = new Projector();

  private ReservationService(Builder builder) {
    this.storage = builder.storage;
    this.clock = builder.clock;
    this.ids = builder.ids;
    this.spots = builder.spots;
    this.payments = builder.payments;
    this.pendingHold = builder.pendingHold;
  }

  public static Builder builder(Storage storage) {
    return new Builder(storage);
  }

  // ---- commands ----

  public ReservationView create(TenantId tenant, CreateReservation command) {
    if (!spots.exists(command.parkingSpotId())) {
      throw new ReservationException.UnknownParkingSpot(command.parkingSpotId());
    }
    UUID id = ids.get();
    ReservationEvent.ReservationCreated created = Reservation.create(tenant, id, command, now());
    return storage.inTransaction(
        tenant,
        uow -> {
          List<UUID> conflicts =
              uow
                  .readModel()
                  .overlapping(command.parkingSpotId(), command.startTime(), command.endTime())
                  .stream()
                  .map(ReservationView::id)
                  .toList();
          if (!conflicts.isEmpty()) {
            throw new ReservationException.SlotUnavailable(command.parkingSpotId(), conflicts);
          }
          record(uow, id, 0, List.of(created));
          return ReservationView.of(Reservation.evolve(null, created));
        });
  }

  /** Validates raw input with this service's clock, then creates. */
  public ReservationView create(
      TenantId tenant,
      String userId,
      String parkingSpotId,
      String startTime,
      Integer durationHours,
      Double totalCost) {
    return create(
        tenant,
        CreateReservation.parse(userId, parkingSpotId, startTime, durationHours, totalCost, now()));
  }

  public ReservationView confirm(TenantId tenant, String id, String transactionId) {
    Inputs.printable("transactionId", transactionId);
    String txn = transactionId == null || transactionId.isBlank() ? null : transactionId.trim();
    if (txn != null && txn.length() > 255) {
      throw new ReservationException.InvalidInput(
          "transactionId", "transactionId must be at most 255 characters");
    }
    return decide(tenant, id, state -> state.confirm(txn, now()));
  }

  public ReservationView cancel(TenantId tenant, String id, String reason) {
    if (reason != null && reason.length() > 1000) {
      throw new ReservationException.InvalidInput(
          "reason", "reason must be at most 1000 characters");
    }
    Inputs.storable("reason", reason);
    return decide(tenant, id, state -> state.cancel(reason, null, now()));
  }

  public ReservationView complete(TenantId tenant, String id) {
    return decide(tenant, id, state -> state.complete(now()));
  }

  public ReservationView expire(TenantId tenant, String id) {
    return decide(tenant, id, state -> state.expire(now()));
  }

  /**
   * Deletes a PENDING or CANCELLED reservation; answers instead of throwing for the client's sake.
   */
  public DeleteOutcome delete(TenantId tenant, String id) {
    if (Inputs.uuidOrEmpty(id).isEmpty()) {
      return new DeleteOutcome(false, "Reservation " + Inputs.clip(id) + " not found");
    }
    try {
      decide(tenant, id, state -> state.delete(now()));
      return new DeleteOutcome(true, "Reservation " + id + " deleted");
    } catch (ReservationException.NotFound e) {
      return new DeleteOutcome(false, "Reservation " + Inputs.clip(id) + " not found");
    } catch (ReservationException.InvalidState e) {
      return new DeleteOutcome(
          false, e.getMessage() + ": only PENDING or CANCELLED ones can be deleted");
    }
  }

  /**
   * Charges a PENDING reservation through the payment service and confirms it. Payment outcomes are
   * answers, not errors. When two payments race, the one that loses is refunded, so the reservation
   * is paid once.
   */
  public PaymentOutcome pay(TenantId tenant, String id) {
    Optional<Reservation> before = find(tenant, id);
    if (before.isEmpty()) {
      return PaymentOutcome.failed(
          PaymentOutcome.RESERVATION_NOT_FOUND, "Reservation " + Inputs.clip(id) + " not found");
    }
    Reservation state = before.get();
    if (state.status() == ReservationStatus.CONFIRMED && state.transactionId() != null) {
      return PaymentOutcome.paid(state.transactionId(), "Reservation is already paid");
    }
    if (!state.isPayable()) {
      return PaymentOutcome.failed(
          PaymentOutcome.INVALID_STATUS, "Cannot pay a reservation that is " + state.status());
    }
    PaymentGateway.Charge charge;
    try {
      charge = payments.charge(tenant, state.id(), state.userId(), state.totalCost());
    } catch (ReservationException.DependencyUnavailable e) {
      return PaymentOutcome.failed(
          PaymentOutcome.SERVICE_UNAVAILABLE, "Payment service unavailable: " + e.getMessage());
    }
    if (!charge.success()) {
      String code =
          charge.errorCode() == null || charge.errorCode().isBlank()
              ? PaymentOutcome.PAYMENT_DECLINED
              : charge.errorCode();
      String message = charge.message() == null ? "Payment declined" : charge.message();
      try {
        decide(tenant, id, s -> s.recordPaymentFailure(code, message, now()));
      } catch (ReservationException.InvalidState ignored) {
        // the reservation moved on meanwhile; the failed attempt changes nothing
      }
      return PaymentOutcome.failed(code, message);
    }
    return settle(tenant, id, charge);
  }

  private PaymentOutcome settle(TenantId tenant, String id, PaymentGateway.Charge charge) {
    try {
      decide(tenant, id, s -> s.recordPayment(charge.transactionId(), now()));
      return PaymentOutcome.paid(charge.transactionId(), "Payment processed");
    } catch (ReservationException e) {
      refundQuietly(
          tenant, charge.transactionId(), "reservation no longer payable: " + e.getMessage());
      return PaymentOutcome.failed(
          PaymentOutcome.INVALID_STATUS, "Payment was refunded: " + e.getMessage());
    }
  }

  private void refundQuietly(TenantId tenant, String transactionId, String reason) {
    try {
      payments.refund(tenant, transactionId, java.math.BigDecimal.ZERO, reason);
    } catch (ReservationException e) {
      // the payment service reconciles charges without a confirmed reservation
    }
  }

  /**
   * Expires this tenant's PENDING reservations whose hold ran out or whose start has passed. Safe
   * to run from several instances: a lost race is skipped, and a reservation that cannot be read is
   * logged and skipped, never holding up the others.
   *
   * @return how many were expired by this call
   */
  public int expireDue(TenantId tenant, int batch) {
    Instant now = now();
    List<UUID> due =
        storage.inTransaction(
            tenant, uow -> uow.readModel().pendingDue(now.minus(pendingHold), now, batch));
    int expired = 0;
    for (UUID id : due) {
      try {
        ReservationView after =
            decide(
                tenant,
                id.toString(),
                state -> state.isExpiryDue(now(), pendingHold) ? state.expire(now()) : List.of());
        if (after.status() == ReservationStatus.EXPIRED) {
          expired++;
        }
      } catch (ReservationException raced) {
        // another instance or command got there first, or the row moved on
      } catch (RuntimeException unreadable) {
        LOG.log(
            System.Logger.Level.WARNING,
            "cannot expire reservation "
                + id
                + " of tenant "
                + tenant
                + ": "
                + unreadable.getMessage(),
            unreadable);
      }
    }
    return expired;
  }

  // ---- queries ----

  public Optional<ReservationView> byId(TenantId tenant, String id) {
    Optional<UUID> uuid = Inputs.uuidOrEmpty(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return storage.inTransaction(tenant, uow -> uow.readModel().byId(uuid.get()));
  }

  public List<ReservationView> list(
      TenantId tenant, String status, String userId, int limit, int offset) {
    if (limit < 0 || limit > MAX_PAGE) {
      throw new ReservationException.InvalidInput(
          "limit", "limit must be between 0 and " + MAX_PAGE + ", got " + limit);
    }
    if (offset < 0) {
      throw new ReservationException.InvalidInput(
          "offset", "offset must not be negative, got " + offset);
    }
    ReservationStatus byStatus = status == null ? null : ReservationStatus.parse("status", status);
    UUID byUser = userId == null ? null : Inputs.uuid("userId", userId);
    return storage.inTransaction(
        tenant, uow -> uow.readModel().list(byStatus, byUser, limit, offset));
  }

  public List<ReservationView> byUser(TenantId tenant, String userId, boolean includeCompleted) {
    UUID user = Inputs.uuid("userId", userId);
    return storage.inTransaction(tenant, uow -> uow.readModel().byUser(user, includeCompleted));
  }

  public List<ReservationView> bySpot(
      TenantId tenant, String parkingSpotId, String startTime, String endTime) {
    String spot = CreateReservation.spot(parkingSpotId);
    Instant from = startTime == null ? null : Inputs.instant("startTime", startTime);
    Instant to = endTime == null ? null : Inputs.instant("endTime", endTime);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ReservationException.InvalidInput("endTime", "endTime must be after startTime");
    }
    return storage.inTransaction(tenant, uow -> uow.readModel().bySpot(spot, from, to));
  }

  public Availability availability(
      TenantId tenant, String parkingSpotId, String startTime, Integer durationHours) {
    String spot = CreateReservation.spot(parkingSpotId);
    Instant start = Inputs.instant("startTime", startTime);
    Instant end = start.plus(Duration.ofHours(CreateReservation.durationHours(durationHours)));
    List<UUID> conflicts =
        storage.inTransaction(
            tenant,
            uow ->
                uow.readModel().overlapping(spot, start, end).stream()
                    .map(ReservationView::id)
                    .toList());
    return conflicts.isEmpty() ? new Availability(true, null) : new Availability(false, conflicts);
  }

  public StatusCounts stats(TenantId tenant) {
    return storage.inTransaction(tenant, uow -> uow.readModel().statusCounts());
  }

  public EventCounts eventStats(TenantId tenant) {
    return storage.inTransaction(tenant, uow -> uow.events().counts());
  }

  /** The stream of a reservation, oldest first; empty for an unknown or malformed id. */
  public List<StoredEvent> events(TenantId tenant, String id) {
    Optional<UUID> uuid = Inputs.uuidOrEmpty(id);
    if (uuid.isEmpty()) {
      return List.of();
    }
    return storage.inTransaction(tenant, uow -> uow.events().load(uuid.get()));
  }

  /**
   * The reservation as it stood at {@code asOf}, folded from its events; empty before it existed.
   */
  public Optional<ReservationView> stateAt(TenantId tenant, String id, String asOf) {
    Instant at = Inputs.instant("asOf", asOf);
    Optional<UUID> uuid = Inputs.uuidOrEmpty(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return fold(storage.inTransaction(tenant, uow -> uow.events().loadUpTo(uuid.get(), at)));
  }

  /** The reservation as it stood after event {@code version}. */
  public Optional<ReservationView> stateAtVersion(TenantId tenant, String id, long version) {
    Optional<UUID> uuid = Inputs.uuidOrEmpty(id);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return fold(
        storage.inTransaction(tenant, uow -> uow.events().loadUpToVersion(uuid.get(), version)));
  }

  /** The state after each event, oldest first (a deletion shows the last state before it). */
  public List<ReservationView> history(TenantId tenant, String id) {
    List<ReservationView> states = new ArrayList<>();
    Reservation state = null;
    for (StoredEvent event : events(tenant, id)) {
      state = Reservation.evolve(state, event.event());
      states.add(ReservationView.of(state));
    }
    return states;
  }

  /** Replays the tenant's events into a fresh read model; answers how many were replayed. */
  public long rebuild(TenantId tenant, Storage.RebuildProgress progress) {
    return storage.rebuild(tenant, projector, progress);
  }

  public boolean isReady() {
    return storage.isReady();
  }

  // ---- the command loop ----

  private ReservationView decide(
      TenantId tenant, String rawId, Function<Reservation, List<ReservationEvent>> decision) {
    UUID id = Inputs.uuidOrEmpty(rawId).orElse(null);
    if (id == null) {
      throw new ReservationException.InvalidInput(
          "id", "id must be a UUID, got '" + Inputs.clip(rawId) + "'");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return storage.inTransaction(tenant, uow -> decideOnce(uow, id, decision));
      } catch (ReservationException.Conflict clash) {
        if (attempt >= ATTEMPTS) {
          throw clash;
        }
      }
    }
  }

  private ReservationView decideOnce(
      UnitOfWork uow, UUID id, Function<Reservation, List<ReservationEvent>> decision) {
    Reservation state =
        current(uow.events().load(id)).orElseThrow(() -> new ReservationException.NotFound(id));
    List<ReservationEvent> changes = decision.apply(state);
    record(uow, id, state.version(), changes);
    for (ReservationEvent change : changes) {
      state = Reservation.evolve(state, change);
    }
    return ReservationView.of(state);
  }

  private void record(
      UnitOfWork uow, UUID id, long expectedVersion, List<ReservationEvent> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<NewEvent> pending =
        changes.stream()
            .map(change -> new NewEvent(ids.get(), change, Map.of("aggregate_type", "Reservation")))
            .toList();
    for (StoredEvent stored : uow.events().append(id, expectedVersion, pending)) {
      uow.readModel().apply(projector.project(stored.event()));
    }
  }

  private Optional<Reservation> find(TenantId tenant, String rawId) {
    Optional<UUID> id = Inputs.uuidOrEmpty(rawId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return current(storage.inTransaction(tenant, uow -> uow.events().load(id.get())));
  }

  private static Optional<Reservation> current(List<StoredEvent> stream) {
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    Reservation state = Reservation.replay(stream.stream().map(StoredEvent::event).toList());
    return state.deleted() ? Optional.empty() : Optional.of(state);
  }

  private static Optional<ReservationView> fold(List<StoredEvent> stream) {
    if (stream.isEmpty()) {
      return Optional.empty();
    }
    Reservation state = Reservation.replay(stream.stream().map(StoredEvent::event).toList());
    return state.deleted() ? Optional.empty() : Optional.of(ReservationView.of(state));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Collaborators beyond the storage default to: system clock, random ids, any spot, no payments.
   */
  public static final class Builder {
    private final Storage storage;
    private Clock clock = Clock.systemUTC();
    private Supplier<UUID> ids = UUID::randomUUID;
    private SpotDirectory spots = SpotDirectory.ANY;
    private PaymentGateway payments = PaymentGateway.NONE;
    private Duration pendingHold = Duration.ofMinutes(15);

    private Builder(Storage storage) {
      this.storage = java.util.Objects.requireNonNull(storage, "storage");
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public Builder ids(Supplier<UUID> value) {
      this.ids = value;
      return this;
    }

    public Builder spots(SpotDirectory value) {
      this.spots = value;
      return this;
    }

    public Builder payments(PaymentGateway value) {
      this.payments = value;
      return this;
    }

    public Builder pendingHold(Duration value) {
      this.pendingHold = value;
      return this;
    }

    public ReservationService build() {
      return new ReservationService(this);
    }
  }
}
