package com.parkora.reservation.http;

import com.parkora.reservation.app.Availability;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StatusCounts;
import com.parkora.reservation.port.StoredEvent;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
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

    /** The rows of a list, shaped one by one as they are read (see {@link ReservationRows}). */
    static List<ReservationOut> all(List<ReservationView> views) {
      return new ReservationRows(views);
    }
  }

  /**
   * A list of reservations as graphql-java reads it, each row shaped into a {@link ReservationOut}
   * when it is read; a {@link FlatQueries} answer writes the views themselves, with no string made
   * per field. What {@link ReservationOut#of} would fail on (a missing row, id, tenant, user, cost
   * or status) fails here, when the list is made, as it did in the data fetcher.
   */
  static final class ReservationRows extends AbstractList<ReservationOut> implements RandomAccess {

    private final List<ReservationView> views;

    ReservationRows(List<ReservationView> views) {
      for (ReservationView view : views) {
        Objects.requireNonNull(view, "row");
        Objects.requireNonNull(view.id(), "id");
        Objects.requireNonNull(view.tenantId(), "tenantId");
        Objects.requireNonNull(view.userId(), "userId");
        Objects.requireNonNull(view.totalCost(), "totalCost");
        Objects.requireNonNull(view.status(), "status");
      }
      this.views = views;
    }

    /** The rows as read from the store. */
    List<ReservationView> views() {
      return views;
    }

    @Override
    public ReservationOut get(int index) {
      return ReservationOut.of(views.get(index));
    }

    @Override
    public int size() {
      return views.size();
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
