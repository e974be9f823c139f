package com.parkora.reservation.http;

import com.parkora.reservation.app.Availability;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.StoredEvent;
import java.util.List;
import java.util.UUID;

/** The GraphQL output types of docs/graphql.md as records, field for field. */
final class GraphQlOutput {

  private GraphQlOutput() {}

  record ReservationOut(
      String id,
      String tenantId,
      String userId,
      String parkingSpotId,
      String startTime,
      String endTime,
      int durationHours,
      double totalCost,
      String status,
      String transactionId,
      String createdAt,
      String updatedAt) {

    static ReservationOut of(ReservationView view) {
      return new ReservationOut(
          view.id().toString(),
          view.tenantId().toString(),
          view.userId().toString(),
          view.parkingSpotId(),
          Times.format(view.startTime()),
          Times.format(view.endTime()),
          view.durationHours(),
          view.totalCost().doubleValue(),
          view.status().name(),
          view.transactionId(),
          Times.format(view.createdAt()),
          Times.format(view.updatedAt()));
    }

    static List<ReservationOut> all(List<ReservationView> views) {
      return views.stream().map(ReservationOut::of).toList();
    }
  }

  record EventOut(
      String id, String aggregateId, String eventType, int version, String data, String createdAt) {

    static EventOut of(StoredEvent event, EventCodec codec) {
      return new EventOut(
          event.eventId().toString(),
          event.aggregateId().toString(),
          event.type().name(),
          Math.toIntExact(event.version()),
          codec.payloadText(event.event()),
          Times.format(event.createdAt()));
    }
  }

  record StatsOut(
      long totalReservations,
      long activeReservations,
      long completedReservations,
      long cancelledReservations) {

    static StatsOut of(StatusCounts counts) {
      return new StatsOut(
          counts.total(),
          counts.active(),
          counts.of(ReservationStatus.COMPLETED),
          counts.of(ReservationStatus.CANCELLED));
    }
  }

  record AvailabilityOut(boolean available, List<String> conflicts) {

    static AvailabilityOut of(Availability availability) {
      List<String> ids =
          availability.conflicts() == null
              ? null
              : availability.conflicts().stream().map(UUID::toString).toList();
      return new AvailabilityOut(availability.available(), ids);
    }
  }
}
