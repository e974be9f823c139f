package com.parkora.reservation.clients.parking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.BearerToken;
import com.parkora.reservation.port.SpotDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parking service's spots (docs/parking.md): a spot is known when either list names it by
 * {@code id}, {@code parking_id} or {@code name}. Both lists are cached for {@code cacheTtl}; an
 * unlisted spot refreshes them early, at most once per {@code missRefresh}. When the lists cannot
 * be had in time, the answer is DEPENDENCY_UNAVAILABLE: an unchecked spot is never accepted; for
 * {@code missRefresh} after such a failure, misses fail at once instead of queueing on a dead
 * service. A refresh asks with the caller's bearer token, when the request had one (as the Python
 * service did); the cached lists serve every caller. A 401 or 403 (the parking service refused the
 * caller's token, or its absence) is DEPENDENCY_UNAVAILABLE, logged, and holds up no other caller.
 * The {@code price} of each parking of the availability list is kept with it, under each of its
 * names: the hourly price of {@link #hourlyPrice}.
 */
public final class HttpSpotDirectory implements SpotDirectory {

  static final List<String> LISTS =
      List.of("/analytics/parkings", "/analytics/availability/current");
  private static final List<String> KEYS = List.of("id", "parking_id", "name");
  private static final Logger LOG = LoggerFactory.getLogger(HttpSpotDirectory.class);
  private static final String PRICE = "price";

  private final ParkingSettings settings;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot = Snapshot.NONE;
  private Failure failure; // guarded by refreshing

  public HttpSpotDirectory(ParkingSettings settings, ObjectMapper json, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: the lists are plain HTTP/1.1
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public boolean exists(String parkingSpotId) {
    return exists(parkingSpotId, null);
  }

  @Override
  public boolean exists(String parkingSpotId, BearerToken callerToken) {
    Snapshot seen = snapshot;
    if (seen.isFresh(clock.instant(), settings) && seen.spots().contains(parkingSpotId)) {
      return true;
    }
    refreshing.lock();
    try {
      return existsAfterRefresh(parkingSpotId, seen, callerToken);
    } finally {
      refreshing.unlock();
    }
  }

  @Override
  public OptionalDouble hourlyPrice(
      String parkingSpotId, boolean refetch, BearerToken callerToken) {
    Snapshot seen = snapshot;
    if (!refetch && seen.isFresh(clock.instant(), settings)) {
      return seen.price(parkingSpotId);
    }
    refreshing.lock();
    try {
      if (!refetch && snapshot.isFresh(clock.instant(), settings)) {
        return snapshot.price(parkingSpotId);
      }
      existsAfterRefresh(parkingSpotId, seen, callerToken);
      return snapshot.price(parkingSpotId);
    } finally {
      refreshing.unlock();
    }
  }

  private boolean existsAfterRefresh(String parkingSpotId, Snapshot seen, BearerToken token) {
    Instant now = clock.instant();
    Snapshot current = snapshot;
    boolean fresh = current.isFresh(now, settings);
    if (fresh && (current != seen || !current.isDue(now, settings.missRefresh()))) {
      return current.spots().contains(parkingSpotId);
    }
    Failure failed = failure;
    if (failed != null && now.isBefore(failed.at().plus(settings.missRefresh()))) {
      throw new ReservationException.DependencyUnavailable(failed.message(), null);
    }
    try {
      snapshot = fetch(now, token);
      failure = null;
    } catch (ReservationException.DependencyUnavailable e) {
      if (!(e.getCause() instanceof CredentialsRefused)) {
        failure = new Failure(now, e.getMessage());
      }
      throw e;
    }
    return snapshot.spots().contains(parkingSpotId);
  }

  private Snapshot fetch(Instant now, BearerToken token) {
    Set<String> spots = new HashSet<>();
    Map<String, Double> prices = new HashMap<>();
    for (String list : LISTS) {
      for (JsonNode element : get(settings.resolve(list), token)) {
        JsonNode price = element.get(PRICE);
        for (String key : KEYS) {
          JsonNode value = element.get(key);
          if (value != null && value.isValueNode() && !value.isNull()) {
            spots.add(value.asText());
            if (price != null && price.isNumber() && price.doubleValue() >= 0) {
              prices.putIfAbsent(value.asText(), price.doubleValue());
            }
          }
        }
      }
    }
    return new Snapshot(Set.copyOf(spots), Map.copyOf(prices), now);
  }

  private JsonNode get(URI uri, BearerToken token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .GET();
    if (token != null) {
      builder.header("Authorization", token.header());
    }
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unavailable(uri, "did not answer within " + settings.timeout() + " (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(uri, "was interrupted", e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      String sent = token == null ? "no bearer token" : "the caller's bearer token";
      LOG.warn(
          "parking service {} refused the spot check with HTTP {}: it was sent {}",
          uri,
          status,
          sent);
      throw unavailable(uri, "answered HTTP " + status + " to " + sent, new CredentialsRefused());
    }
    if (status / 100 != 2) {
      throw unavailable(uri, "answered HTTP " + response.statusCode(), null);
    }
    try {
      JsonNode list = json.readTree(response.body());
      if (list == null || !list.isArray()) {
        throw unavailable(uri, "did not answer a JSON array", null);
      }
      return list;
    } catch (IOException e) {
      throw unavailable(uri, "answered malformed JSON", e);
    }
  }

  private static ReservationException.DependencyUnavailable unavailable(
      URI uri, String what, Throwable cause) {
    return new ReservationException.DependencyUnavailable(
        "Parking service " + uri + " " + what, cause);
  }

  /** The lists as fetched at {@code at}: the names of the spots, and the prices listed. */
  private record Snapshot(Set<String> spots, Map<String, Double> prices, Instant at) {
    static final Snapshot NONE = new Snapshot(Set.of(), Map.of(), Instant.MIN);

    OptionalDouble price(String parkingSpotId) {
      Double price = prices.get(parkingSpotId);
      return price == null ? OptionalDouble.empty() : OptionalDouble.of(price);
    }

    boolean isFresh(Instant now, ParkingSettings settings) {
      return this != NONE && now.isBefore(at.plus(settings.cacheTtl()));
    }

    boolean isDue(Instant now, Duration missRefresh) {
      return !now.isBefore(at.plus(missRefresh));
    }
  }

  /** The cause of a 401 or 403: about one caller's credentials, not the service being down. */
  private static final class CredentialsRefused extends RuntimeException {
    CredentialsRefused() {
      super("the parking service refused the credentials", null, false, false);
    }
  }

  /** The last refresh that failed: later misses within {@code missRefresh} fail at once. */
  private record Failure(Instant at, String message) {}
}
