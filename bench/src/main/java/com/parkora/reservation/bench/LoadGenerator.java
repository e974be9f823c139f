package com.parkora.reservation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop HTTP load: {@code clients} virtual threads, each sending one GraphQL request after
 * the other for a warm-up and then a measured period. Latencies go to an HdrHistogram.
 */
final class LoadGenerator {

  /** Builds the request a client sends next: the GraphQL body and the tenant header. */
  interface Workload {
    Request next(int client, long sequence);
  }

  record Request(String tenant, String body) {}

  record Outcome(long requests, long errors, double seconds, Histogram latencyMicros,
      String firstError) {
    double throughput() {
      return requests / seconds;
    }

    double p50Millis() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }
  }

  private final HttpClient http;
  private final URI graphql;

  LoadGenerator(String baseUrl) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    this.graphql = URI.create(baseUrl + "/graphql");
  }

  Outcome run(Workload workload, int clients, Duration warmUp, Duration measured)
      throws Exception {
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    AtomicLong errors = new AtomicLong();
    List<String> firstError = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Future<Histogram>> workers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        workers.add(threads.submit(() -> drive(workload, client, measureFrom, end, errors,
            firstError)));
      }
      Histogram total = new Histogram(60_000_000L, 3);
      for (Future<Histogram> worker : workers) {
        total.add(worker.get());
      }
      return new Outcome(total.getTotalCount(), errors.get(), measured.toNanos() / 1e9, total,
          firstError.isEmpty() ? "" : firstError.getFirst());
    }
  }

  private Histogram drive(Workload workload, int client, long measureFrom, long end,
      AtomicLong errors, List<String> firstError) throws InterruptedException {
    Histogram latencies = new Histogram(60_000_000L, 3);
    for (long sequence = 0; ; sequence++) {
      long sent = System.nanoTime();
      if (sent >= end) {
        return latencies;
      }
      Request request = workload.next(client, sequence);
      String failure = send(request);
      long took = System.nanoTime() - sent;
      if (sent < measureFrom) {
        continue;
      }
      if (failure == null) {
        latencies.recordValue(Math.max(1, took / 1000));
      } else {
        errors.incrementAndGet();
        if (firstError.isEmpty()) {
          firstError.add(failure);
        }
      }
    }
  }

  /** Sends one request; answers null on success, else what went wrong. */
  private String send(Request request) throws InterruptedException {
    HttpRequest post = HttpRequest.newBuilder(graphql)
        .header("Content-Type", "application/json")
        .header("X-Tenant-ID", request.tenant())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(request.body())).build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      if (response.statusCode() != 200 || !body.startsWith("{\"data\"") || body.contains("\"errors\"")) {
        return "HTTP " + response.statusCode() + ": " + body;
      }
      return null;
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** A GraphQL request body; {@code variablesJson} is a JSON object written by the caller. */
  static String body(String query, String variablesJson) {
    return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variablesJson + "}";
  }
}
