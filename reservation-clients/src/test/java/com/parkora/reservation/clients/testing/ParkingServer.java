package com.parkora.reservation.clients.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real parking service on loopback for tests (JDK HttpServer): answers the two lists of
 * docs/parking.md with the bodies the test sets, counts the requests, and can hang until released.
 * Like the real one behind its gateway, it can refuse (401) every call without a bearer token; it
 * remembers the {@code Authorization} header of every call.
 */
public final class ParkingServer implements AutoCloseable {

  public static final String PARKINGS = "/analytics/parkings";
  public static final String AVAILABILITY = "/analytics/availability/current";

  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile CountDownLatch hang = new CountDownLatch(0);
  private volatile int status = 200;
  private volatile boolean bearerRequired;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public ParkingServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test parking server", e);
    }
    bodies.put(PARKINGS, "[]");
    bodies.put(AVAILABILITY, "[]");
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void answer(String path, String json) {
    bodies.put(path, json);
  }

  public void status(int value) {
    status = value;
  }

  /** From now on a call without {@code Authorization: Bearer <token>} is answered 401. */
  public void requireBearer() {
    bearerRequired = true;
  }

  /** The {@code Authorization} header of every call so far, in order ("" when there was none). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Every request from now on waits until {@link #release()} (or 30 s). */
  public void hang() {
    hang = new CountDownLatch(1);
  }

  public void release() {
    hang.countDown();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      hang.await(30, TimeUnit.SECONDS);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
      if (bearerRequired && (authorization == null || !authorization.startsWith("Bearer "))) {
        byte[] refusal = "{\"detail\":\"Not authenticated\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        exchange.sendResponseHeaders(401, refusal.length);
        exchange.getResponseBody().write(refusal);
        return;
      }
      String body = bodies.get(exchange.getRequestURI().getPath());
      byte[] bytes =
          (body == null ? "{\"detail\":\"Not Found\"}" : body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(body == null ? 404 : status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
