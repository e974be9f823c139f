package com.parkora.reservation.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * The three reads of the table on 1,000,000 rows over 8 tenants, each against the same
 * query in pgbench (8 clients each): rate and client-side latency percentiles side by side.
 */
record QueryGoals(Workbench bench) {

  void run() throws Exception {
    int perTenant = bench.quick() ? 12_500 : 125_000;
    System.out.printf("== queries: read model of %,d reservations over 8 tenants%n", perTenant * 8);
    String db = bench.freshDatabaseWithReservations("reservation_bench_queries", perTenant);

    try (ServiceProcess service = bench.startProduction(db, 18082, "serve-queries.log")) {
      service.awaitReady(Duration.ofSeconds(60));
      queryGoal(db, service, "ReservationsByUser", "by-user.pgbench.sql", true, QueryGoals::byUser);
      queryGoal(
          db,
          service,
          "CheckAvailability",
          "availability.pgbench.sql",
          false,
          random -> {
            String start =
                Instant.parse("2027-01-01T00:00:00Z")
                    .plus(Duration.ofHours(random.nextInt(75)))
                    .toString();
            return new String[] {
              Bench.tenant(1 + random.nextInt(8)),
              body(
                  "query CheckAvailability($spot: String!, $start: String!) { checkAvailability("
                      + "parkingSpotId: $spot, startTime: $start, durationHours: 2) { available conflicts } }",
                  "{\"spot\":\"S-" + random.nextInt(5000) + "\",\"start\":\"" + start + "\"}")
            };
          });
      queryGoal(
          db,
          service,
          "ConfirmedReservations",
          "list-status.pgbench.sql",
          true,
          random ->
              new String[] {
                Bench.tenant(1 + random.nextInt(8)),
                body(
                    "query ConfirmedReservations { reservations(status: \"CONFIRMED\", limit: 50) {"
                        + " id tenantId userId parkingSpotId startTime endTime durationHours totalCost"
                        + " status transactionId createdAt updatedAt } }",
                    "{}")
              });
    }
    bench.dropDatabase(db);
  }

  /** The front end's read: one user's reservations, 10,000 users per tenant. */
  static String[] byUser(Random random) {
    int t = 1 + random.nextInt(8);
    String user = Bench.md5Uuid("u" + t + "-" + random.nextInt(10_000));
    return new String[] {
      Bench.tenant(t),
      body(
          "query ReservationsByUser($userId: String!) { reservationsByUser(userId: $userId,"
              + " includeCompleted: false) { id tenantId userId parkingSpotId startTime endTime"
              + " durationHours totalCost status transactionId createdAt updatedAt } }",
          "{\"userId\":\"" + user + "\"}")
    };
  }

  /** Makes one request of a workload: {tenant, body}. */
  interface RequestMaker {
    String[] make(Random random);
  }

  /**
   * One read against its pgbench script; with {@code browser}, the same requests again as a browser
   * sends them ({@code Accept-Encoding: gzip}), whose answers the service compresses.
   */
  private void queryGoal(
      String db,
      ServiceProcess service,
      String operation,
      String script,
      boolean browser,
      RequestMaker maker)
      throws Exception {
    Path lua = script(bench.scratch(), operation, maker, false);
    Wrk.run(service.baseUrl(), lua, 8, Duration.ofSeconds(bench.quick() ? 10 : 20));
    ServerHistogram before = ServerHistogram.scrape(service.baseUrl(), operation);
    ServerHistogram httpBefore = httpHistogram(service);
    double gcBefore = ServerHistogram.sum(service.baseUrl(), "jvm_gc_pause_seconds_sum");
    double gcCountBefore = ServerHistogram.sum(service.baseUrl(), "jvm_gc_pause_seconds_count");
    double allocatedBefore =
        ServerHistogram.sum(service.baseUrl(), "jvm_gc_memory_allocated_bytes_total");
    Wrk.Outcome outcome = Wrk.run(service.baseUrl(), lua, 8, Duration.ofSeconds(bench.seconds()));
    double serverP99 =
        ServerHistogram.scrape(service.baseUrl(), operation).percentileMillisSince(before, 99);
    double httpP99 = httpHistogram(service).percentileMillisSince(httpBefore, 99);
    double gcMillis =
        (ServerHistogram.sum(service.baseUrl(), "jvm_gc_pause_seconds_sum") - gcBefore) * 1000;
    double gcCount =
        ServerHistogram.sum(service.baseUrl(), "jvm_gc_pause_seconds_count") - gcCountBefore;
    double allocatedKiB =
        (ServerHistogram.sum(service.baseUrl(), "jvm_gc_memory_allocated_bytes_total")
                - allocatedBefore)
            / outcome.requests()
            / 1024;
    Bench.failOnErrors(operation, outcome);
    Wrk.Outcome browsers = null;
    if (browser) {
      Path gzip = script(bench.scratch(), operation, maker, true);
      browsers = Wrk.run(service.baseUrl(), gzip, 8, Duration.ofSeconds(bench.seconds()));
      Bench.failOnErrors(operation + " as a browser sends it", browsers);
    }
    Pgbench baseline =
        bench.shell().pgbench(db, bench.shell().resource(script), 8, bench.seconds());
    Report report = bench.report();
    report.add(
        Result.rateAtLeast(
            operation + " queries/s (8 clients)", outcome.throughput(), baseline.tps(), 0.80));
    report.add(
        Result.compared(
            operation + " p99 client side (ms, 8 clients)",
            String.format("%.2f", outcome.p99Millis()),
            String.format("%.2f", baseline.percentileMillis(99)),
            outcome.p99Millis() / baseline.percentileMillis(99),
            "<= 2.00",
            r -> r <= 2.0));
    if (browsers != null) {
      report.add(
          Result.rateAtLeast(
              operation + " queries/s as a browser sends them (Accept-Encoding: gzip, 8 clients)",
              browsers.throughput(),
              baseline.tps(),
              0.80));
      report.add(
          Result.info(
              operation + " p50 / p99 client side as a browser sends them (ms)",
              String.format("%.2f / %.2f", browsers.p50Millis(), browsers.p99Millis()),
              String.format(
                  "%.2f / %.2f", baseline.percentileMillis(50), baseline.percentileMillis(99))));
    }
    report.add(
        Result.info(
            operation + " p50 client side (ms)",
            String.format("%.2f", outcome.p50Millis()),
            String.format("%.2f", baseline.percentileMillis(50))));
    report.add(
        Result.info(
            operation + " p99 server side (ms, from /metrics)",
            String.format("%.2f", serverP99),
            ""));
    report.add(
        Result.info(
            operation
                + " p99 of the whole HTTP request in the service (ms, http_server_requests);"
                + " GC pauses in the measured seconds; heap allocated per request",
            Double.isNaN(gcMillis)
                ? String.format("%.2f; GC pauses not exported (no jvm_gc_pause_seconds)", httpP99)
                : String.format(
                    "%.2f; %.0f pauses, %.0f ms in all (%.1f%% of the time); %.0f KiB",
                    httpP99, gcCount, gcMillis, gcMillis / outcome.seconds() / 10, allocatedKiB),
            ""));
  }

  private static ServerHistogram httpHistogram(ServiceProcess service) throws Exception {
    return ServerHistogram.scrape(
        service.baseUrl(), "http_server_requests_seconds_bucket", "route=\"/graphql\"");
  }

  /**
   * A wrk script sending 5,000 requests of {@code maker} (fixed seed) in random order; with {@code
   * gzip}, each accepts gzip as a browser's does.
   */
  static Path script(Path scratch, String operation, RequestMaker maker, boolean gzip)
      throws IOException {
    Random random = new Random(42);
    StringBuilder requests = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      String[] request = maker.make(random);
      requests
          .append("{")
          .append(Wrk.lua(request[0]))
          .append(", ")
          .append(Wrk.lua(request[1]))
          .append("},\n");
    }
    Path lua =
        Wrk.script(
            scratch,
            "query-" + operation + (gzip ? "-browser" : ""),
            """
        local requests = {%s}
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        %s
        function request()
          local r = requests[math.random(#requests)]
          wrk.headers["X-Tenant-ID"] = r[1]
          return wrk.format(nil, nil, nil, r[2])
        end
        """
                .formatted(
                    requests,
                    gzip ? "wrk.headers[\"Accept-Encoding\"] = \"gzip, deflate, br, zstd\"" : ""));
    return lua;
  }

  /** A GraphQL request body; {@code variablesJson} is a JSON object. */
  static String body(String query, String variablesJson) {
    return "{\"query\":\""
        + query.replace("\"", "\\\"")
        + "\",\"variables\":"
        + variablesJson
        + "}";
  }
}
