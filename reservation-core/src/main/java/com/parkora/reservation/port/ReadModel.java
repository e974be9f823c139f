package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The query side of one tenant, as seen from inside a {@link UnitOfWork}: the queries of
 * docs/graphql.md (the writes are {@link WritableReadModel}'s). Active means PENDING or CONFIRMED;
 * two intervals overlap when {@code a.start < b.end && b.start < a.end}.
 */
public interface ReadModel {

  Optional<ReservationView> byId(UUID id);

  /** Newest {@code createdAt} first (ties by id); {@code status} and {@code userId} optional. */
  List<ReservationView> list(ReservationStatus status, UUID userId, int limit, int offset);

  /** {@code startTime} descending; only active ones unless {@code includeCompleted}. */
  List<ReservationView> byUser(UUID userId, boolean includeCompleted);

  /**
   * Active reservations of a spot by {@code startTime}, only those overlapping [from, to) when
   * given (either bound may be null: open).
   */
  List<ReservationView> bySpot(String parkingSpotId, Instant from, Instant to);

  StatusCounts statusCounts();

  /**
   * Ids of PENDING rows created at or before {@code createdBefore} or ending at or before {@code
   * endBefore}, oldest creation first.
   */
  List<UUID> pendingDue(Instant createdBefore, Instant endBefore, int limit);
}
