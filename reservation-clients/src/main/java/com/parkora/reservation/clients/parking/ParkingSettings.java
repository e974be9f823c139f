package com.parkora.reservation.clients.parking;

import com.parkora.reservation.clients.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the parking service answers and how its lists are cached.
 *
 * @param timeout how long one list may take ({@code PARKING_SERVICE_TIMEOUT})
 * @param cacheTtl how long fetched lists are trusted ({@code PARKING_CACHE_TTL})
 * @param missRefresh the least time between two refreshes caused by an unlisted spot
 */
public record ParkingSettings(URI url, Duration timeout, Duration cacheTtl, Duration missRefresh) {

  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MISS_REFRESH = Duration.ofSeconds(5);

  public ParkingSettings {
    Objects.requireNonNull(url, "url");
    Timeouts.positive("timeout", timeout);
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(missRefresh, "missRefresh");
  }

  public ParkingSettings(URI url, Duration timeout) {
    this(url, timeout, DEFAULT_CACHE_TTL, DEFAULT_MISS_REFRESH);
  }

  URI resolve(String path) {
    String base = url.toString();
    return URI.create(base.endsWith("/") ? base + path.substring(1) : base + path);
  }
}
