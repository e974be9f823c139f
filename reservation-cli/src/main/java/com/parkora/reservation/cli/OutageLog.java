package com.parkora.reservation.cli;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * What a background job logs about its failing passes: one warning when they start failing, one
 * line when a pass succeeds again, and in between only debug lines; an outage of a minute is two
 * lines, not one per pass. Used from the job's one thread.
 */
final class OutageLog {

  private final Logger log;
  private final String job;
  private int failures;
  private long failingSince;

  OutageLog(Logger log, String job) {
    this.log = log;
    this.job = job;
  }

  /** A pass failed with {@code failure}; the next one retries. */
  void failed(RuntimeException failure) {
    if (failures++ == 0) {
      failingSince = System.nanoTime();
      log.warn(
          "{} failing, retrying each pass (logged again once it recovers): {}",
          job,
          Failures.oneLine(failure),
          failure);
    } else {
      log.debug("{} failed again ({} passes): {}", job, failures, Failures.oneLine(failure));
    }
  }

  /** A pass went through. */
  void succeeded() {
    if (failures == 0) {
      return;
    }
    Duration down = Duration.ofNanos(System.nanoTime() - failingSince);
    log.info("{} recovered after {} failed passes over {} s", job, failures, down.toSeconds());
    failures = 0;
  }
}
