package com.parkora.reservation.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prepares the data, runs the service and the raw-SQL baseline in turn, and prints the table of the
 * performance goals. Every figure is a ratio against a baseline measured in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the reservation service side by side with raw PostgreSQL.")
public final class Bench implements Callable<Integer> {

  static final String TENANT_PREFIX = "00000000-0000-0000-0000-00000000000";

  /**
   * The JVM as the 256 MiB deployment runs it: a 128 MB heap; the serial collector, which the JVM
   * picks by itself in a container under 1,792 MB (this machine is not one, so it is named); and
   * the C2 compiler alone with a 32 MiB code cache. With tiered compilation the C1 and C2 code put
   * the resident set at 265-285 MiB (heap 128 committed, code cache 38, metaspace 38, class data
   * 14); C1 alone fits (197 MiB) but runs commands at 0.43x of the baseline.
   */
  static final List<String> DEPLOYMENT_JVM =
      List.of(
          "-Xmx128m",
          "-XX:+UseSerialGC",
          "-XX:-TieredCompilation",
          "-XX:ReservedCodeCacheSize=32m");

  /**
   * The environment of a small container: glibc keeps at most two malloc arenas (it would keep up
   * to eight per core, each tens of MiB, for the JVM's native allocations).
   */
  static final Map<String, String> DEPLOYMENT_ENV = Map.of("MALLOC_ARENA_MAX", "2");

  @Option(names = "--jar", description = "The service jar (default: ${DEFAULT-VALUE}).")
  Path jar = Path.of("reservation-cli/target/reservation.jar");

  @Option(names = "--host", description = "PostgreSQL host (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
  int port = 5432;

  @Option(names = "--user", description = "PostgreSQL superuser (default: ${DEFAULT-VALUE}).")
  String user = "postgres";

  @Option(
      names = "--seconds",
      description = "Measured seconds per load (default: ${DEFAULT-VALUE}).")
  int seconds = 30;

  @Option(names = "--quick", description = "Small data sets and short loads: a smoke run.")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      description = "Goals to run: commands, queries, rebuild, start, publish (default: all).")
  Set<String> only = Set.of("commands", "queries", "rebuild", "start", "publish");

  @Option(
      names = "--output",
      description = "Where the Markdown table goes (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("bench/out/results.md");

  final Report report = new Report();
  Shell shell;
  Path scratch;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "bench: no service jar at " + jar + " (build it: mvn -q -DskipTests package)");
      return 2;
    }
    scratch = Files.createTempDirectory("reservation-bench");
    shell = new Shell(scratch, host, port, user);
    if (quick) {
      seconds = Math.min(seconds, 8);
    }
    if (only.contains("commands")) {
      commands();
    }
    if (only.contains("queries")) {
      queries();
    }
    if (only.contains("rebuild")) {
      rebuild();
    }
    if (only.contains("start")) {
      start();
    }
    if (only.contains("publish")) {
      new PublishGoal(this).run();
    }
    String machine = machine();
    report.write(output, machine);
    System.out.println();
    System.out.println(report.markdown(machine));
    System.out.println("written to " + output);
    return 0;
  }

  // ---- goal 1 and 4: commands, memory ----

  private void commands() throws Exception {
    System.out.println("== commands: createReservation, 8 tenants, 16 clients, distinct spots");
    String db = freshDatabase("reservation_bench_commands");
    double baseline = shell.pgbench(db, shell.resource("commands.pgbench.sql"), 16, seconds);
    shell.psql(db, "TRUNCATE event_store, reservations");
    shell.psql(db, "VACUUM ANALYZE");

    try (ServiceProcess service =
        ServiceProcess.serve(
            jar, DEPLOYMENT_JVM, url(db), 18081, scratch.resolve("serve-commands.log"))) {
      service.awaitReady(Duration.ofSeconds(60));
      commandLoad(service, "warm-up", Duration.ofSeconds(quick ? 10 : 60));
      Wrk.Outcome outcome = commandLoad(service, "measured", Duration.ofSeconds(seconds));
      failOnErrors("createReservation", outcome);
      double ratio = outcome.throughput() / baseline;
      report.add(
          new Result(
              "commands/s (createReservation, 16 clients, deployment JVM)",
              format(outcome.throughput()),
              format(baseline),
              String.format("%.2f", ratio),
              ">= 0.60",
              ratio >= 0.60));
      report.add(
          Result.info(
              "command latency p50 / p99 (ms, client side)",
              String.format("%.1f / %.1f", outcome.p50Millis(), outcome.p99Millis()),
              "n/a"));
      double rss = service.peakRssMiB();
      report.add(
          new Result(
              "peak RSS under command load, deployment JVM (MiB)",
              format(rss),
              "n/a",
              "",
              "<= 256",
              rss <= 256));
    }
    dropDatabase(db);
  }

  /** createReservation from 16 connections, 8 tenants, a new spot every request. */
  Wrk.Outcome commandLoad(ServiceProcess service, String phase, Duration duration)
      throws Exception {
    StringBuilder tenants = new StringBuilder();
    for (int t = 1; t <= 8; t++) {
      tenants.append(t == 1 ? "" : ", ").append(Wrk.lua(tenant(t)));
    }
    String start = Instant.now().plus(Duration.ofDays(1)).toString();
    String prefix =
        "{\"query\":\"mutation CreateReservation($input: CreateReservationInput!)"
            + " { createReservation(input: $input) { id status } }\",\"variables\":{\"input\":"
            + "{\"userId\":\""
            + UUID.randomUUID()
            + "\",\"parkingSpotId\":\"W-"
            + Long.toString(System.nanoTime(), 36)
            + "-";
    String suffix = "\",\"startTime\":\"" + start + "\",\"durationHours\":2,\"totalCost\":5.0}}}";
    Path script =
        Wrk.script(
            scratch,
            "commands-" + phase,
            """
        local tenants = {%s}
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        counter = 0
        function request()
          counter = counter + 1
          wrk.headers["X-Tenant-ID"] = tenants[(counter %% 8) + 1]
          return wrk.format(nil, nil, nil, %s .. id .. "-" .. counter .. %s)
        end
        """
                .formatted(tenants, Wrk.lua(prefix), Wrk.lua(suffix)));
    return Wrk.run(service.baseUrl(), script, 16, duration);
  }

  // ---- goal 2: queries ----

  private void queries() throws Exception {
    int perTenant = quick ? 12_500 : 125_000;
    System.out.printf("== queries: read model of %,d reservations over 8 tenants%n", perTenant * 8);
    String db = freshDatabase("reservation_bench_queries");
    shell.psqlFile(
        db,
        shell.resource("generate-reservations.sql"),
        Map.of("per_tenant", String.valueOf(perTenant)));

    try (ServiceProcess service =
        ServiceProcess.serve(
            jar, List.of("-Xmx256m"), url(db), 18082, scratch.resolve("serve-queries.log"))) {
      service.awaitReady(Duration.ofSeconds(60));
      queryGoal(
          db,
          service,
          "ReservationsByUser",
          "by-user.pgbench.sql",
          random -> {
            int t = 1 + random.nextInt(8);
            String user = md5Uuid("u" + t + "-" + random.nextInt(10_000));
            return new String[] {
              tenant(t),
              body(
                  "query ReservationsByUser($userId: String!) { reservationsByUser(userId: $userId,"
                      + " includeCompleted: false) { id tenantId userId parkingSpotId startTime endTime"
                      + " durationHours totalCost status transactionId createdAt updatedAt } }",
                  "{\"userId\":\"" + user + "\"}")
            };
          });
      queryGoal(
          db,
          service,
          "CheckAvailability",
          "availability.pgbench.sql",
          random -> {
            String start =
                Instant.parse("2027-01-01T00:00:00Z")
                    .plus(Duration.ofHours(random.nextInt(75)))
                    .toString();
            return new String[] {
              tenant(1 + random.nextInt(8)),
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
          random ->
              new String[] {
                tenant(1 + random.nextInt(8)),
                body(
                    "query ConfirmedReservations { reservations(status: \"CONFIRMED\", limit: 50) {"
                        + " id tenantId userId parkingSpotId startTime endTime durationHours totalCost"
                        + " status transactionId createdAt updatedAt } }",
                    "{}")
              });
    }
    dropDatabase(db);
  }

  /** Makes one request of a workload: {tenant, body}. */
  private interface RequestMaker {
    String[] make(Random random);
  }

  private void queryGoal(
      String db, ServiceProcess service, String operation, String script, RequestMaker maker)
      throws Exception {
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
            "query-" + operation,
            """
        local requests = {%s}
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        function request()
          local r = requests[math.random(#requests)]
          wrk.headers["X-Tenant-ID"] = r[1]
          return wrk.format(nil, nil, nil, r[2])
        end
        """
                .formatted(requests));
    Wrk.run(service.baseUrl(), lua, 8, Duration.ofSeconds(quick ? 10 : 20));
    ServerHistogram before = ServerHistogram.scrape(service.baseUrl(), operation);
    Wrk.Outcome outcome = Wrk.run(service.baseUrl(), lua, 8, Duration.ofSeconds(seconds));
    double serverP99 =
        ServerHistogram.scrape(service.baseUrl(), operation).percentileMillisSince(before, 99);
    failOnErrors(operation, outcome);
    double baseline = shell.pgbench(db, shell.resource(script), 8, seconds);
    report.add(
        new Result(
            operation + " p99 server side (ms, 8 clients)",
            String.format("%.2f", serverP99),
            "",
            "",
            "<= 5",
            serverP99 <= 5));
    report.add(
        Result.info(
            operation + " p50 / p99 client side (ms)",
            String.format("%.2f / %.2f", outcome.p50Millis(), outcome.p99Millis()),
            ""));
    report.add(
        Result.info(
                operation + " queries/s (8 clients)",
                format(outcome.throughput()),
                format(baseline))
            .withRatio(outcome.throughput() / baseline));
  }

  /** A GraphQL request body; {@code variablesJson} is a JSON object. */
  static String body(String query, String variablesJson) {
    return "{\"query\":\""
        + query.replace("\"", "\\\"")
        + "\",\"variables\":"
        + variablesJson
        + "}";
  }

  // ---- goal 3: rebuild ----

  private void rebuild() throws Exception {
    int created = quick ? 60_000 : 600_000;
    int changes = quick ? 40_000 : 400_000;
    System.out.printf(
        "== rebuild: one tenant, %,d events (%,d reservations + %,d changes)%n",
        created + changes, created, changes);
    String db = freshDatabase("reservation_bench_rebuild");
    String tenant = tenant(1);
    shell.psqlFile(
        db,
        shell.resource("generate-events.sql"),
        Map.of(
            "tenant",
            tenant,
            "created",
            String.valueOf(created),
            "changes",
            String.valueOf(changes)));

    // Both rebuilds replace a populated read model, as a real rebuild does: one untimed run fills
    // it, then the SQL baseline and the service each replace it.
    shell.psqlFile(db, shell.resource("rebuild-baseline.sql"), Map.of("tenant", tenant));
    shell.psql(db, "VACUUM ANALYZE reservations");
    long sqlStarted = System.nanoTime();
    shell.psqlFile(db, shell.resource("rebuild-baseline.sql"), Map.of("tenant", tenant));
    double baseline = (System.nanoTime() - sqlStarted) / 1e9;
    shell.psql(db, "VACUUM ANALYZE reservations");
    String expected =
        shell.psql(db, "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM reservations r");

    double service =
        ServiceProcess.runCommand(
            jar, "256m", url(db), scratch.resolve("rebuild.log"), "rebuild", "--tenant", tenant);
    String actual =
        shell.psql(db, "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM reservations r");
    if (!expected.equals(actual)) {
      System.out.println(
          "  (the service's rebuild and the SQL rebuild differ in some column;"
              + " compare them with: SELECT * FROM reservations ORDER BY id LIMIT 5)");
    }
    double ratio = service / baseline;
    report.add(
        new Result(
            String.format("rebuild of %,d events, -Xmx256m (s)", created + changes),
            String.format("%.1f", service),
            String.format("%.1f", baseline),
            String.format("%.2f", ratio),
            "<= 1.25",
            ratio <= 1.25));
    dropDatabase(db);
  }

  // ---- goal 5: start ----

  private void start() throws Exception {
    System.out.println("== start: ready with PostgreSQL, migrations applied");
    String db = freshDatabase("reservation_bench_start");
    double plain = bestStart(db, DEPLOYMENT_JVM);
    report.add(
        new Result(
            "ready after start, PostgreSQL (s, best of 3)",
            String.format("%.2f", plain),
            "n/a",
            "",
            "<= 2",
            plain <= 2));
    Path archive = scratch.resolve("reservation.jsa");
    List<String> withArchive = new ArrayList<>(DEPLOYMENT_JVM);
    withArchive.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
    bestStart(db, withArchive);
    double archived = bestStart(db, withArchive);
    report.add(
        new Result(
            "ready after start, PostgreSQL, class-data archive (s, best of 3)",
            String.format("%.2f", archived),
            "n/a",
            "",
            "<= 2",
            archived <= 2));
    dropDatabase(db);
  }

  /** Seconds from launch to /health/ready 200, best of three starts. */
  private double bestStart(String db, List<String> jvm) throws Exception {
    double best = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ServiceProcess service =
          ServiceProcess.serve(jar, jvm, url(db), 18083, scratch.resolve("serve-start.log"))) {
        best = Math.min(best, service.awaitReady(Duration.ofSeconds(60)));
      }
    }
    return best;
  }

  // ---- helpers ----

  String freshDatabase(String name) throws Exception {
    dropDatabase(name);
    shell.psql("postgres", "CREATE DATABASE " + name);
    ServiceProcess.runCommand(
        jar, "256m", url(name), scratch.resolve("migrate-" + name + ".log"), "migrate");
    return name;
  }

  void dropDatabase(String name) throws Exception {
    shell.psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  String url(String database) {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  static String tenant(int k) {
    return TENANT_PREFIX + k;
  }

  /** The UUID PostgreSQL's {@code md5(text)::uuid} gives, so generated users can be found. */
  static String md5Uuid(String text) {
    try {
      String hex =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
      return hex.substring(0, 8)
          + "-"
          + hex.substring(8, 12)
          + "-"
          + hex.substring(12, 16)
          + "-"
          + hex.substring(16, 20)
          + "-"
          + hex.substring(20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void failOnErrors(String name, Wrk.Outcome outcome) {
    if (outcome.errors() > 0) {
      throw new IllegalStateException(
          name + ": " + outcome.errors() + " failed requests, first: " + outcome.firstError());
    }
    if (outcome.requests() == 0) {
      throw new IllegalStateException(name + ": no request completed");
    }
  }

  private static String format(double value) {
    return String.format("%,.0f", value);
  }

  private String machine() throws Exception {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    String pg = shell.psql("postgres", "SHOW server_version").trim();
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + Runtime.getRuntime().maxMemory() / 1024 / 1024
        + " MiB bench heap, PostgreSQL "
        + pg
        + " on loopback, fsync on";
  }
}
