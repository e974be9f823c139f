package com.parkora.reservation.app;

import com.parkora.reservation.domain.CreateReservation;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationId;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.ReadModel;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read-model queries of docs/graphql.md, with their input checks, as one {@link Actor} sees
 * them: an ordinary user sees their own reservations only, and the counts of the tenant.
 */
record ReservationQueries(Storage storage, Actor actor) {

  static final int MAX_PAGE = 500;

  Optional<ReservationView> byId(TenantId tenant, String id) {
    return ReservationId.lookup(id)
        .flatMap(target -> storage.read(tenant, reads -> reads.byId(target.value())))
        .filter(this::visible);
  }

  List<ReservationView> list(TenantId tenant, String status, String userId, int limit, int offset) {
    if (limit < 0 || limit > MAX_PAGE) {
      throw new ReservationException.InvalidInput(
          "limit", "limit must be between 0 and " + MAX_PAGE + ", got " + limit);
    }
    if (offset < 0) {
      throw new ReservationException.InvalidInput(
          "offset", "offset must not be negative, got " + offset);
    }
    ReservationStatus byStatus = status == null ? null : ReservationStatus.parse("status", status);
    UUID named = userId == null ? null : Inputs.uuid("userId", userId);
    if (named != null) {
      actor.requireOwn("userId", named);
    }
    if (named != null || actor.seesAll()) {
      return storage.read(tenant, reads -> reads.list(byStatus, named, limit, offset));
    }
    return actor
        .self()
        .map(self -> storage.read(tenant, reads -> reads.list(byStatus, self, limit, offset)))
        .orElse(List.of());
  }

  List<ReservationView> byUser(TenantId tenant, String userId, boolean includeCompleted) {
    UUID user = Inputs.uuid("userId", userId);
    actor.requireOwn("userId", user);
    return storage.read(tenant, reads -> reads.byUser(user, includeCompleted));
  }

  List<ReservationView> bySpot(
      TenantId tenant, String parkingSpotId, String startTime, String endTime) {
    String spot = CreateReservation.spot(parkingSpotId);
    Instant from = startTime == null ? null : Inputs.instant("startTime", startTime);
    Instant to = endTime == null ? null : Inputs.instant("endTime", endTime);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new ReservationException.InvalidInput("endTime", "endTime must be after startTime");
    }
    return storage.read(tenant, reads -> reads.bySpot(spot, from, to)).stream()
        .filter(this::visible)
        .toList();
  }

  Availability availability(
      TenantId tenant, String parkingSpotId, String startTime, Integer durationHours) {
    String spot = CreateReservation.spot(parkingSpotId);
    Instant start = Inputs.instant("startTime", startTime);
    Instant end =
        Inputs.inRange(
            "endTime",
            start.plus(Duration.ofHours(CreateReservation.durationHours(durationHours))));
    List<ReservationView> conflicts = storage.read(tenant, reads -> reads.bySpot(spot, start, end));
    if (conflicts.isEmpty()) {
      return new Availability(true, null);
    }
    return new Availability(
        false, conflicts.stream().filter(this::visible).map(ReservationView::id).toList());
  }

  StatusCounts stats(TenantId tenant) {
    return storage.read(tenant, ReadModel::statusCounts);
  }

  /** Administration: the counts of the event store. */
  EventCounts eventStats(TenantId tenant) {
    actor.requireAdmin();
    return storage.inTransaction(tenant, uow -> uow.events().counts());
  }

  /** Whether the reservation exists for the actor. */
  private boolean visible(ReservationView row) {
    return actor.sees(row.userId());
  }
}
