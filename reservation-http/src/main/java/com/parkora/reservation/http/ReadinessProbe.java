package com.parkora.reservation.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness that answers within {@link #TIMEOUT} whatever the store does (a Kubernetes probe gives
 * up after a second, while a pool waits seconds for a connection to a database that is gone). The
 * checks run one at a time on a thread of their own: a check that has not answered in time counts
 * as not ready, later callers wait on the same check rather than start more, and a finished check's
 * answer is reused until {@link #REUSE} after that check started, so that frequent probes do not
 * pile onto the store. Together: an answer asked for {@code REUSE} or more after the store was cut
 * or went silent comes from a check that started after it, and is "not ready" within {@code
 * TIMEOUT}; so readiness turns within {@code REUSE + TIMEOUT}, one second.
 */
final class ReadinessProbe {

  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final Duration REUSE = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(ReadinessProbe.class);

  private final BooleanSupplier check;
  private CompletableFuture<Boolean> latest;
  private long latestStarted;

  ReadinessProbe(BooleanSupplier check) {
    this.check = check;
  }

  boolean isReady() {
    try {
      return current().get(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Readiness check did not answer within {} ms", TIMEOUT.toMillis());
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized CompletableFuture<Boolean> current() {
    long now = System.nanoTime();
    boolean fresh = latest != null && (!latest.isDone() || now - latestStarted < REUSE.toNanos());
    if (!fresh) {
      latestStarted = now;
      latest =
          CompletableFuture.supplyAsync(
              this::checkOnce, task -> Thread.ofVirtual().name("readiness").start(task));
    }
    return latest;
  }

  private boolean checkOnce() {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.warn("Readiness probe failed: {}", e.toString());
      return false;
    }
  }
}
