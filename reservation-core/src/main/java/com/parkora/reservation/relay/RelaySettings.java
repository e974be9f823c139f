package com.parkora.reservation.relay;

import java.time.Duration;

/**
 * How a {@link FeedRelay} paces itself.
 *
 * @param pageSize events read, published and confirmed together
 * @param pollInterval the longest wait for a commit signal before reading the feed again
 * @param standbyInterval how often an instance without the lease tries to take it
 * @param renewInterval how often the holder extends its lease while idle (well inside its term)
 * @param minBackoff first wait after a failure to publish; doubled per failure up to maxBackoff
 * @param maxBackoff longest wait between attempts while the broker is away
 */
public record RelaySettings(
    int pageSize,
    Duration pollInterval,
    Duration standbyInterval,
    Duration renewInterval,
    Duration minBackoff,
    Duration maxBackoff) {

  /** For a lease whose term is 5 s: a dead holder is replaced within about 6 s. */
  public static final RelaySettings DEFAULTS =
      new RelaySettings(
          200,
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofMillis(200),
          Duration.ofSeconds(5));

  public RelaySettings {
    if (pageSize <= 0) {
      throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
    }
  }

  Duration backoff(int failures) {
    long millis = minBackoff.toMillis() << Math.min(failures - 1, 16);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
