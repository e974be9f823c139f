package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the refunds that wait, at a fixed interval on a virtual thread, until the payment service
 * refunds them. Safe beside other instances: the store leases each refund to one of them.
 */
final class RefundWorker implements AutoCloseable {

  static final int BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(RefundWorker.class);

  private final ReservationService service;
  private final ScheduledExecutorService scheduler;
  private final OutageLog outage = new OutageLog(LOG, "refund worker");

  private RefundWorker(ReservationService service) {
    this.service = service;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("refunds").factory());
  }

  static RefundWorker start(ReservationService service, Duration interval) {
    RefundWorker worker = new RefundWorker(service);
    worker.scheduler.scheduleWithFixedDelay(
        worker::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return worker;
  }

  /**
   * Sends what is due, batch after batch; a failure is logged once per outage and the next pass
   * retries.
   */
  void runOnce() {
    try {
      int sent;
      do {
        sent = service.paymentAdministration().sendDueRefunds(BATCH);
      } while (sent == BATCH);
      outage.succeeded();
    } catch (RuntimeException e) {
      outage.failed(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
  }
}
