package com.parkora.reservation.port;

import com.parkora.reservation.domain.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Event-store statistics of one tenant (docs/rest.md {@code /admin/events/stats}). */
public record EventCounts(long totalEvents, long totalAggregates, Map<EventType, Long> byType) {

  public EventCounts {
    EnumMap<EventType, Long> all = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      all.put(type, byType.getOrDefault(type, 0L));
    }
    byType = Collections.unmodifiableMap(all);
  }
}
