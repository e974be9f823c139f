package com.parkora.reservation.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.Times;

/** The parts of a written payload that follow the Python service's row (docs/events.md). */
final class WirePayload {

  private WirePayload() {}

  /** The columns of the Python service's row, in its order. */
  static ObjectNode created(ObjectNode data, ReservationCreated e) {
    data.put("tenant_id", e.tenantId().toString());
    data.put("user_id", e.userId().toString());
    data.put("parking_spot_id", e.parkingSpotId());
    data.put("start_time", Times.format(e.startTime()));
    data.put("end_time", Times.format(e.endTime()));
    data.put("duration_hours", e.durationHours());
    data.put("total_cost", e.totalCost());
    data.put("status", status(EventType.RESERVATION_CREATED));
    data.putNull("transaction_id");
    data.put("created_at", Times.format(e.occurredAt()));
    data.put("updated_at", Times.format(e.occurredAt()));
    return data;
  }

  /**
   * The {@code status} of a payload (docs/events.md): the status that follows the event; a failed
   * payment leaves a PENDING reservation PENDING, and a deletion says DELETED.
   */
  static String status(EventType type) {
    if (type == EventType.RESERVATION_DELETED) {
      return "DELETED";
    }
    return type.statusAfter(ReservationStatus.PENDING).name();
  }
}
