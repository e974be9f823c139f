package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires PENDING reservations whose hold ran out, for every tenant, and purges the
 * Idempotency-Keys older than {@code IDEMPOTENCY_TTL}, at a fixed interval on a virtual thread.
 * Safe beside other instances doing the same (the service skips lost races; the purge skips rows
 * another instance holds).
 */
final class Expiry implements AutoCloseable {

  static final int BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(Expiry.class);

  private final ReservationService service;
  private final Storage storage;
  private final ScheduledExecutorService scheduler;
  private final OutageLog outage = new OutageLog(LOG, "expiry");

  private Expiry(ReservationService service, Storage storage) {
    this.service = service;
    this.storage = storage;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("expiry").factory());
  }

  static Expiry start(ReservationService service, Storage storage, Duration interval) {
    Expiry expiry = new Expiry(service, storage);
    expiry.scheduler.scheduleWithFixedDelay(
        expiry::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return expiry;
  }

  /**
   * One pass over every tenant. A store that does not answer ends the pass, logged once per outage;
   * any other failure is logged and skips that tenant. The next pass retries.
   */
  void runOnce() {
    try {
      for (TenantId tenant : storage.tenants()) {
        expireAllQuietly(tenant);
      }
      purgeKeysQuietly();
      outage.succeeded();
    } catch (RuntimeException e) {
      outage.failed(e);
    }
  }

  /** Purges expired Idempotency-Keys; a store that does not answer ends the pass as above. */
  private void purgeKeysQuietly() {
    try {
      int purged = service.idempotency().purgeExpired();
      if (purged > 0) {
        LOG.info("purged {} expired idempotency keys", purged);
      }
    } catch (ReservationException.DependencyUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn(
          "purging idempotency keys failed, retrying at the next interval: {}",
          Failures.oneLine(e),
          e);
    }
  }

  private void expireAllQuietly(TenantId tenant) {
    try {
      expireAll(tenant);
    } catch (ReservationException.DependencyUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn(
          "expiry of tenant {} failed, retrying at the next interval: {}",
          tenant,
          Failures.oneLine(e),
          e);
    }
  }

  private void expireAll(TenantId tenant) {
    int expired;
    do {
      expired = service.expireDue(tenant, BATCH);
      if (expired > 0) {
        LOG.info("expired {} pending reservations of tenant {}", expired, tenant);
      }
    } while (expired == BATCH); // a full batch of real expiries: there may be more
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
  }
}
