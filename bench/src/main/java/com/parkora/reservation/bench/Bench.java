package com.parkora.reservation.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

  /** What one {@code --only} name measures: its rows go to the bench's report. */
  private interface Goal {
    void run() throws Exception;
  }

  /** The goals by their {@code --only} name, in the order they run. */
  private static final List<Map.Entry<String, Function<Bench, Goal>>> GOALS =
      List.of(
          Map.entry("commands", bench -> new CommandGoals(bench)::run),
          Map.entry("queries", bench -> new QueryGoals(bench)::run),
          Map.entry("rebuild", bench -> new RebuildGoal(bench)::run),
          Map.entry("start", bench -> new StartGoal(bench)::run),
          Map.entry("publish", bench -> new PublishGoal(bench)::run),
          Map.entry("abuse", bench -> new AbuseGoal(bench)::run),
          Map.entry("pod", bench -> new PodGoal(bench)::run));

  @Option(names = "--jar", description = "The service jar (default: ${DEFAULT-VALUE}).")
  Path jar = Path.of("reservation-cli/target/reservation.jar");

  @Option(
      names = "--serve-script",
      description = "The production command (default: ${DEFAULT-VALUE}).")
  Path serveScript = Path.of("bin/serve");

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
      description =
          "Goals to run: commands, queries, rebuild, start, publish, abuse, pod (default: all).")
  Set<String> only = Set.of("commands", "queries", "rebuild", "start", "publish", "abuse", "pod");

  @Option(
      names = "--output",
      description = "Where the Markdown table goes (default: ${DEFAULT-VALUE}).")
  Path output = Path.of("bench/out/results.md");

  private final Report report = new Report();
  private Shell shell;
  private Path scratch;
  private boolean trained;

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
    if (only.contains("commands") || only.contains("start") || only.contains("pod")) {
      ensureTrained(); // before anything is measured
    }
    for (Map.Entry<String, Function<Bench, Goal>> goal : GOALS) {
      if (only.contains(goal.getKey())) {
        goal.getValue().apply(this).run();
      }
    }
    String machine = Report.machine(shell);
    report.write(output, machine);
    System.out.println();
    System.out.println(report.markdown(machine));
    System.out.println("written to " + output);
    return 0;
  }

  // ---- what the goals share ----

  Path jar() {
    return jar;
  }

  boolean quick() {
    return quick;
  }

  int seconds() {
    return seconds;
  }

  Shell shell() {
    return shell;
  }

  Path scratch() {
    return scratch;
  }

  Report report() {
    return report;
  }

  /** The production command ({@code bin/serve}) on {@code db}, once its training run is done. */
  ServiceProcess serveProduction(String db, int port, String log) throws Exception {
    ensureTrained();
    return startProduction(db, port, log);
  }

  /** Runs the production command's training run unless it ran already. */
  void ensureTrained() throws Exception {
    if (!trained) {
      new Training(this).run();
      trained = true;
    }
  }

  /**
   * The production command as it is, in a pod of the deployment's memory without a CPU quota: it
   * loads the cache of the training run when there is one and never trains.
   */
  ServiceProcess startProduction(String db, int port, String log) throws Exception {
    return startProduction(db, port, log, Jvm.deploymentPod("serve-" + port));
  }

  /** The production command inside {@code pod}. */
  ServiceProcess startProduction(String db, int port, String log, Pod pod) throws Exception {
    return startProduction(db, port, log, pod, productionCache());
  }

  /** The production command inside {@code pod} with {@code cache} (which may not exist). */
  ServiceProcess startProduction(String db, int port, String log, Pod pod, Path cache)
      throws Exception {
    return ServiceProcess.production(
        serveScript, jar, cache, false, url(db), port, scratch.resolve(log), pod);
  }

  /** The production command's training run ({@code AOT_TRAIN=1}), outside any pod. */
  ServiceProcess startTraining(String db, int port, String log) throws Exception {
    return ServiceProcess.production(
        serveScript, jar, productionCache(), true, url(db), port, scratch.resolve(log), null);
  }

  Path productionCache() {
    return scratch.resolve(Jvm.cacheFileName());
  }

  /** createReservation from 16 connections, 8 tenants, a new spot every request. */
  Wrk.Outcome commandLoad(ServiceProcess service, String phase, Duration duration)
      throws Exception {
    return Wrk.run(service.baseUrl(), CommandGoals.script(scratch, phase), 16, duration);
  }

  String freshDatabase(String name) throws Exception {
    dropDatabase(name);
    shell.psql("postgres", "CREATE DATABASE " + name);
    ServiceProcess.runCommand(
        jar, "256m", url(name), scratch.resolve("migrate-" + name + ".log"), "migrate");
    return name;
  }

  /**
   * A fresh database whose read model holds {@code perTenant} reservations of each of the 8 tenants
   * (generate-reservations.sql).
   */
  String freshDatabaseWithReservations(String name, int perTenant) throws Exception {
    String db = freshDatabase(name);
    shell.psqlFile(
        db,
        shell.resource("generate-reservations.sql"),
        Map.of("per_tenant", String.valueOf(perTenant)));
    return db;
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
      ByteBuffer digest =
          ByteBuffer.wrap(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
      return new UUID(digest.getLong(), digest.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void failOnErrors(String name, Wrk.Outcome outcome) {
    if (outcome.errors() > 0) {
      throw new IllegalStateException(
          name + ": " + outcome.errors() + " failed requests, first: " + outcome.firstError());
    }
    if (outcome.requests() == 0) {
      throw new IllegalStateException(name + ": no request completed");
    }
  }

  static String format(double value) {
    return String.format("%,.0f", value);
  }
}
