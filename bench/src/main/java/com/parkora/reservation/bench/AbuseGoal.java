package com.parkora.reservation.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The resident set of the deployment JVM under abusive load: documents of 499 aliases of a 500-row
 * list on a tenant of 600 rows, 5 MiB bodies, 400 clients that send their body one byte a second,
 * and malformed JSON, all at once for the measured seconds, while one well-behaved client reads.
 * The goal is the deployment's 256 MiB; no abusive request may be answered 5xx.
 */
final class AbuseGoal {

  private static final int SLOW_CLIENTS = 400;
  private static final int PORT = 18085;
  private static final String TENANT = Bench.tenant(1);

  private final Workbench bench;
  private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder serverErrors = new LongAdder();
  private final AtomicBoolean running = new AtomicBoolean(true);

  AbuseGoal(Workbench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    System.out.println("== abuse: the resident set of the deployment JVM under hostile requests");
    String db = prepare("reservation_bench_abuse");
    double rss;
    double peak;
    try (ServiceProcess service =
        ServiceProcess.serve(
            bench.jar(),
            Jvm.DEPLOYMENT,
            bench.url(db),
            PORT,
            bench.scratch().resolve("serve-abuse.log"),
            Map.of(),
            Jvm.deploymentPod("abuse"))) {
      service.awaitReady(Duration.ofSeconds(60));
      service.pod().resetPeak();
      hammer(service, PORT);
      rss = service.peakRssMiB();
      peak = service.pod().peakMiB();
    }
    bench.dropDatabase(db);
    bench
        .report()
        .add(
            new Result(
                "peak RSS under abuse, deployment JVM (MiB; "
                    + normalReads()
                    + " normal reads alongside; pod peak "
                    + Bench.format(peak)
                    + " MiB)",
                Bench.format(rss),
                "n/a",
                "",
                "<= 256, no 5xx",
                rss <= 256 && serverErrors() == 0));
  }

  /** A database with the 600-row tenant the abusive documents read. */
  String prepare(String name) throws Exception {
    return bench.freshDatabaseWithReservations(name, 600);
  }

  /** Runs every abusive client and the normal one against {@code service} for the seconds. */
  void hammer(ServiceProcess service, int port) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      URI graphql = URI.create(service.baseUrl() + "/graphql");
      String amplified = amplified();
      String huge = graphQl("{ reservations(limit: 1) { id } }", "x".repeat(5 << 20));
      List<Future<?>> load = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        load.add(threads.submit(() -> repeat(graphql, amplified, "aliases")));
      }
      for (int i = 0; i < 2; i++) {
        load.add(threads.submit(() -> repeat(graphql, huge, "5 MiB")));
        load.add(
            threads.submit(() -> repeat(graphql, "{\"query\": \"{ reservations", "malformed")));
      }
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        load.add(threads.submit(() -> slowClient(port)));
      }
      String normalRead = graphQl("{ reservations(limit: 50) { id status } }", "");
      load.add(threads.submit(() -> repeat(graphql, normalRead, "normal")));
      Thread.sleep(Duration.ofSeconds(bench.seconds()));
      running.set(false);
      for (var task : load) {
        task.get();
      }
    }
    System.out.println("   answers: " + answers());
  }

  long normalReads() {
    return statuses.getOrDefault("normal 200", new LongAdder()).sum();
  }

  long serverErrors() {
    return serverErrors.sum();
  }

  /** 499 aliases of a 500-row list: without a cost limit it would build 249,500 rows. */
  private static String amplified() {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < 499; i++) {
      query.append(" a").append(i).append(": reservations(limit: 500) { id }");
    }
    return graphQl(query.append(" }").toString(), "");
  }

  private static String graphQl(String query, String padding) {
    return "{\"query\": \"" + query + "\", \"variables\": {\"pad\": \"" + padding + "\"}}";
  }

  private Void repeat(URI uri, String body, String kind) {
    HttpClient client = HttpClient.newHttpClient();
    while (running.get()) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .header("X-Tenant-ID", TENANT)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      try {
        answered(kind, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
      } catch (IOException e) {
        count(kind + " connection closed"); // a refused upload may be cut before its answer
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /** Headers announcing 100,000 bytes, then one byte a second until the server gives up. */
  private Void slowClient(int port) {
    while (running.get()) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Tenant-ID: "
                    + TENANT
                    + "\r\nContent-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        while (running.get() && socket.getInputStream().available() == 0) {
          Thread.sleep(1000);
          out.write(' ');
          out.flush();
        }
        count("slow client answered"); // the server's minimum data rate at work
      } catch (IOException e) {
        count("slow client dropped");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private void answered(String kind, int status) {
    count(kind + " " + status);
    if (status >= 500) {
      serverErrors.increment();
    }
  }

  private void count(String outcome) {
    statuses.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  private String answers() {
    return statuses.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ": " + e.getValue().sum())
        .collect(Collectors.joining(", "));
  }
}
