package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: a few reservations per tenant in every status, and read-model snapshots. */
final class Reservations {

  static final List<TenantId> TENANTS =
      List.of(
          TenantId.parse("a1a1a1a1-0000-4000-8000-000000000001"),
          TenantId.parse("b2b2b2b2-0000-4000-8000-000000000002"),
          TenantId.parse("c3c3c3c3-0000-4000-8000-000000000003"));

  private Reservations() {}

  /**
   * Six reservations and 13 events per tenant: pending, confirmed, cancelled, completed, deleted,
   * confirmed then cancelled.
   */
  static void populate(Storage storage, List<TenantId> tenants) {
    ReservationService service = ReservationService.builder(storage).build();
    for (TenantId tenant : tenants) {
      String user = UUID.nameUUIDFromBytes(tenant.toString().getBytes()).toString();
      String[] ids = new String[6];
      for (int i = 0; i < ids.length; i++) {
        ids[i] =
            service
                .create(
                    tenant,
                    user,
                    "spot-" + i,
                    "2031-0" + (i + 1) + "-10T08:00:00Z",
                    1 + i,
                    10.0 + i)
                .id()
                .toString();
      }
      service.confirm(tenant, ids[1], "txn-" + ids[1]);
      service.cancel(tenant, ids[2], "changed plans");
      service.confirm(tenant, ids[3], null);
      service.complete(tenant, ids[3]);
      service.delete(tenant, ids[4]);
      service.confirm(tenant, ids[5], "txn-" + ids[5]);
      service.cancel(tenant, ids[5], null);
    }
  }

  /**
   * Books {@code spot} for two hours from tomorrow for a new user; answers the reservation's id.
   */
  static String bookTomorrow(ReservationService service, TenantId tenant, String spot) {
    return service
        .create(
            tenant,
            UUID.randomUUID().toString(),
            spot,
            Instant.now().plusSeconds(86_400).toString(),
            2,
            7.5)
        .id()
        .toString();
  }

  /** Every tenant's read model, as the service answers it. */
  static Map<TenantId, List<ReservationView>> snapshot(Storage storage, List<TenantId> tenants) {
    ReservationService service = ReservationService.builder(storage).build();
    Map<TenantId, List<ReservationView>> models = new LinkedHashMap<>();
    for (TenantId tenant : tenants) {
      models.put(tenant, service.list(tenant, null, null, ReservationService.MAX_PAGE, 0));
    }
    return models;
  }
}
