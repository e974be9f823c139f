package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Read-model rows of one tenant counted by status. */
public record StatusCounts(Map<ReservationStatus, Long> byStatus) {

  public StatusCounts {
    EnumMap<ReservationStatus, Long> all = new EnumMap<>(ReservationStatus.class);
    for (ReservationStatus status : ReservationStatus.values()) {
      all.put(status, byStatus.getOrDefault(status, 0L));
    }
    byStatus = Collections.unmodifiableMap(all);
  }

  public long of(ReservationStatus status) {
    return byStatus.get(status);
  }

  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** PENDING + CONFIRMED. */
  public long active() {
    return of(ReservationStatus.PENDING) + of(ReservationStatus.CONFIRMED);
  }
}
