package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  @Test
  void a_pass_expires_every_tenants_pending_reservations_whose_hold_ran_out() {
    InMemoryStorage storage = new InMemoryStorage();
    TenantId first = Reservations.TENANTS.get(0);
    TenantId second = Reservations.TENANTS.get(1);
    Instant created = Instant.parse("2030-01-01T08:00:00Z");
    ReservationService then = service(storage, created);
    UUID a =
        then.create(first, UUID.randomUUID().toString(), "A", "2030-02-01T08:00:00Z", 1, 5.0).id();
    UUID b =
        then.create(second, UUID.randomUUID().toString(), "B", "2030-02-01T08:00:00Z", 1, 5.0).id();
    ReservationService later = service(storage, created.plus(Duration.ofMinutes(16)));

    Expiry.start(later, storage, Duration.ofHours(1)).runOnce();

    assertThat(later.byId(first, a.toString()).orElseThrow().status())
        .isEqualTo(ReservationStatus.EXPIRED);
    assertThat(later.byId(second, b.toString()).orElseThrow().status())
        .isEqualTo(ReservationStatus.EXPIRED);
  }

  @Test
  void a_reservation_still_within_its_hold_stays_pending() {
    InMemoryStorage storage = new InMemoryStorage();
    TenantId tenant = Reservations.TENANTS.getFirst();
    Instant created = Instant.parse("2030-01-01T08:00:00Z");
    UUID id =
        service(storage, created)
            .create(tenant, UUID.randomUUID().toString(), "A", "2030-02-01T08:00:00Z", 1, 5.0)
            .id();
    ReservationService later = service(storage, created.plus(Duration.ofMinutes(5)));

    Expiry.start(later, storage, Duration.ofHours(1)).runOnce();

    assertThat(later.byId(tenant, id.toString()).orElseThrow().status())
        .isEqualTo(ReservationStatus.PENDING);
  }

  private static ReservationService service(InMemoryStorage storage, Instant now) {
    return ReservationService.builder(storage)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .pendingHold(Duration.ofMinutes(15))
        .build();
  }
}
