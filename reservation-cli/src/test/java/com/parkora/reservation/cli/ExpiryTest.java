package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

  @Test
  void a_store_outage_is_logged_once_when_it_starts_and_once_when_it_ends_not_per_pass() {
    AtomicBoolean down = new AtomicBoolean(true);
    Storage storage = failingWhile(down, new InMemoryStorage());
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(Expiry.class);
    logged.start();
    logger.addAppender(logged);
    try (Expiry expiry =
        Expiry.start(service(storage, Instant.now()), storage, Duration.ofHours(1))) {
      for (int pass = 0; pass < 5; pass++) {
        expiry.runOnce();
      }
      down.set(false);
      expiry.runOnce();
      expiry.runOnce();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      logger.detachAppender(logged);
    }

    assertThat(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)))
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            warning -> assertThat(warning).startsWith("expiry failing").contains("unavailable"),
            recovery -> assertThat(recovery).startsWith("expiry recovered after 5 failed passes"));
  }

  /**
   * {@code storage}, whose every call fails as a database that does not answer while {@code down}.
   */
  private static Storage failingWhile(AtomicBoolean down, Storage storage) {
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) -> {
              if (down.get()) {
                throw new ReservationException.DependencyUnavailable(
                    "The database is unavailable", null);
              }
              try {
                return method.invoke(storage, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static ReservationService service(Storage storage, Instant now) {
    return ReservationService.builder(storage)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .pendingHold(Duration.ofMinutes(15))
        .build();
  }
}
