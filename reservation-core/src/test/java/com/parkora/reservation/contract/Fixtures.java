package com.parkora.reservation.contract;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.UnitOfWork;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of test data shared by the contract suites. */
public final class Fixtures {

  public static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  private Fixtures() {}

  public static TenantId newTenant() {
    return new TenantId(UUID.randomUUID());
  }

  public static ReservationEvent.ReservationCreated created(
      TenantId tenant, UUID id, String spot, Instant start, int hours) {
    return created(tenant, id, UUID.randomUUID(), spot, start, hours, T0);
  }

  /** A creation booked by {@code user} at {@code bookedAt}. */
  public static ReservationEvent.ReservationCreated created(
      TenantId tenant,
      UUID id,
      UUID user,
      String spot,
      Instant start,
      int hours,
      Instant bookedAt) {
    return new ReservationEvent.ReservationCreated(
        id,
        tenant,
        user,
        spot,
        start,
        start.plus(Duration.ofHours(hours)),
        hours,
        new BigDecimal("7.50"),
        bookedAt);
  }

  /** Books {@code spot} in one unit of work of {@code storage}: the new reservation's id. */
  public static UUID book(Storage storage, TenantId tenant, String spot, Instant start, int hours) {
    UUID id = UUID.randomUUID();
    record(storage, tenant, id, 0, created(tenant, id, spot, start, hours));
    return id;
  }

  /**
   * Records {@code events} on stream {@code id} after version {@code expected}, in one unit of
   * work.
   */
  public static void record(
      Storage storage, TenantId tenant, UUID id, long expected, ReservationEvent... events) {
    List<NewEvent> pending = java.util.Arrays.stream(events).map(Fixtures::newEvent).toList();
    storage.inTransaction(
        tenant,
        uow -> {
          uow.record(id, expected, pending);
          return id;
        });
  }

  public static NewEvent newEvent(ReservationEvent event) {
    return new NewEvent(UUID.randomUUID(), event, Map.of("source", "test"));
  }

  /** Every row of the tenant's read model, newest first, paging through the port. */
  public static List<ReservationView> allRows(UnitOfWork uow) {
    List<ReservationView> rows = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      List<ReservationView> page = uow.readModel().list(null, null, 500, offset);
      rows.addAll(page);
      if (page.size() < 500) {
        return rows;
      }
    }
  }
}
