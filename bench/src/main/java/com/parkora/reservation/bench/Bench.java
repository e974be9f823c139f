package com.parkora.reservation.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
  private static final List<Map.Entry<String, Function<Workbench, Goal>>> GOALS =
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
      names = "--pod-jvm",
      paramLabel = "OPTIONS",
      description =
          "The pod goal also measures creates with these JDK_JAVA_OPTIONS (repeatable; 5 minutes"
              + " each), e.g. --pod-jvm=-XX:TieredStopAtLevel=1.")
  List<String> podJvms = List.of();

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
    Shell shell = new Shell(Files.createTempDirectory("reservation-bench"), host, port, user);
    int measured = quick ? Math.min(seconds, 8) : seconds;
    Workbench bench =
        new Workbench(jar, serveScript, quick, measured, podJvms, shell, new Report());
    if (only.stream().anyMatch(Set.of("commands", "queries", "start", "pod")::contains)) {
      new Training(bench).run(); // their production command loads its cache: made before any load
    }
    for (Map.Entry<String, Function<Workbench, Goal>> goal : GOALS) {
      if (only.contains(goal.getKey())) {
        goal.getValue().apply(bench).run();
      }
    }
    String machine = Report.machine(shell);
    bench.report().write(output, machine);
    System.out.println();
    System.out.println(bench.report().markdown(machine));
    System.out.println("written to " + output);
    return 0;
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
