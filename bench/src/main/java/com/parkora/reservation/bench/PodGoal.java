package com.parkora.reservation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service in the pod it runs in: a cgroup of 200m CPU and 256 MiB, as the kubelet makes it.
 * Measures, in one run: the cost of a create and of the front end's read at the steady state with
 * no CPU quota (the yardstick: the pod's ideal rate is 0.2 CPU / that cost); launch to ready in the
 * pod without and with the training run's cache, with the production command and the image's; the
 * warm-up curves of creates and reads in 10 s buckets from ready, one pod at a time (and with other
 * JVM options given by {@code --pod-jvm}); the pod's peak memory under the abuse load; and OOM
 * kills, SIGTERM included.
 */
record PodGoal(Workbench bench) {

  static final int MILLICORES = 200;
  static final double CPUS = MILLICORES / 1000.0;
  private static final int CLIENTS = 8;
  private static final int PORT = 18090;
  private static final double SETTLED = 0.05;
  private static final int MAX_WINDOWS = 8;

  void run() throws Exception {
    System.out.printf(
        "== pod: %dm CPU, %d MiB, production command on PostgreSQL%n", MILLICORES, Jvm.MEMORY_MIB);
    String db =
        bench.freshDatabaseWithReservations(
            "reservation_bench_pod", bench.quick() ? 2_500 : 12_500);
    PodCurve.Scripts creates =
        () -> CommandGoals.script(bench.scratch(), "pod-" + System.nanoTime());
    Path readScript = QueryGoals.script(bench.scratch(), "pod-by-user", QueryGoals::byUser, false);
    PodCurve.Scripts reads = () -> readScript;
    Steady steady = steady(db, creates, reads);

    Start bare =
        start(db, "no-cache", s -> bench.startProduction(db, PORT, s.log, s.pod, absent()));
    Start served = start(db, "bin-serve", s -> bench.startProduction(db, PORT, s.log, s.pod));
    Start image =
        start(
            db,
            "image",
            s ->
                ServiceProcess.image(
                    bench.jar(),
                    bench.productionCache(),
                    bench.url(db),
                    PORT,
                    bench.scratch().resolve(s.log),
                    s.pod));

    int buckets = bench.quick() ? 6 : 30;
    List<PodCurve> curves = new ArrayList<>();
    curves.add(curve(db, "creates", creates, buckets, pod("creates")));
    curves.add(curve(db, "reads", reads, buckets, pod("reads")));
    for (String options : bench.podJvms()) {
      Pod alternative = pod("alternative-" + curves.size());
      curves.add(curve(db, "creates", creates, buckets, alternative.withEnvironment(jvm(options))));
    }
    Abuse abuse = abuse();
    bench.dropDatabase(db);
    new PodReport(bench.report(), steady, List.of(bare, served, image), curves, abuse).add();
  }

  /** What the pod's ideal rates are made of: unlimited CPU, the deployment's memory. */
  record Steady(Settled creates, Settled reads) {}

  /**
   * One load at its steady state: the rate, the service's CPU-seconds per request, the seconds it
   * ran, and whether the cost stopped falling in that time (else the last window's figures).
   */
  record Settled(double rate, double cpuPerRequest, long seconds, boolean settled) {}

  /** One window of a load: its rate and the service's CPU-seconds per request. */
  private record Window(double rate, double cpuPerRequest) {}

  /** One start in a fresh pod: seconds to ready, then SIGTERM: exit status, OOM kills. */
  record Start(String name, double ready, int exit, long oomKills) {}

  /** The abuse load in the pod. */
  record Abuse(
      double peakMiB, String usage, long oomKills, int exit, long serverErrors, long normalReads) {}

  private Steady steady(String db, PodCurve.Scripts creates, PodCurve.Scripts reads)
      throws Exception {
    System.out.println("   steady state without a CPU quota (the yardstick of the pod)");
    try (ServiceProcess service = bench.startProduction(db, PORT, "serve-pod-steady.log")) {
      service.awaitReady(Duration.ofSeconds(60));
      return new Steady(settled(service, creates, "creates"), settled(service, reads, "reads"));
    }
  }

  /**
   * The steady state of one load: after a warm-up, windows of it until the cost of a request stops
   * falling (two windows within {@link #SETTLED} of each other), since tiered compilation goes on
   * improving the code for minutes.
   */
  private Settled settled(ServiceProcess service, PodCurve.Scripts script, String name)
      throws Exception {
    Duration warm = Duration.ofSeconds(bench.quick() ? 5 : 30);
    Duration window = Duration.ofSeconds(bench.quick() ? 5 : 20);
    Wrk.run(service.baseUrl(), script.next(), CLIENTS, warm);
    long seconds = warm.toSeconds() + window.toSeconds();
    Window last = costPerRequest(service, script, window, name);
    for (int i = 0; i < (bench.quick() ? 0 : MAX_WINDOWS); i++) {
      Window next = costPerRequest(service, script, window, name);
      seconds += window.toSeconds();
      boolean settled =
          Math.abs(next.cpuPerRequest() - last.cpuPerRequest()) <= SETTLED * last.cpuPerRequest();
      last = next;
      if (settled) {
        return new Settled(last.rate(), last.cpuPerRequest(), seconds, true);
      }
    }
    return new Settled(last.rate(), last.cpuPerRequest(), seconds, false);
  }

  private static Window costPerRequest(
      ServiceProcess service, PodCurve.Scripts script, Duration measured, String name)
      throws Exception {
    double before = service.cpuSeconds();
    Wrk.Outcome outcome = Wrk.run(service.baseUrl(), script.next(), CLIENTS, measured);
    double cpu = service.cpuSeconds() - before;
    Bench.failOnErrors(name + " without a CPU quota", outcome);
    System.out.printf(
        "   %s: %,.0f/s, %.3f ms of service CPU each%n",
        name, outcome.throughput(), cpu / outcome.requests() * 1000);
    return new Window(outcome.throughput(), cpu / outcome.requests());
  }

  /** Launches a service into a given pod. */
  private interface Launch {
    ServiceProcess start(Slot slot) throws Exception;
  }

  /** Where a launch goes: its pod and log file name. */
  private record Slot(Pod pod, String log) {}

  private Start start(String db, String name, Launch launch) throws Exception {
    Pod pod = pod(name);
    try (ServiceProcess service = launch.start(new Slot(pod, "serve-pod-" + name + ".log"))) {
      double ready = service.awaitReady(Duration.ofSeconds(120));
      int exit = service.stop(Duration.ofSeconds(30));
      Start start = new Start(name, ready, exit, pod.oomKills());
      System.out.printf(
          "   start %s: ready after %.1f s; SIGTERM: exit %d, OOM kills %d%n",
          name, ready, exit, start.oomKills());
      return start;
    }
  }

  private PodCurve curve(String db, String name, PodCurve.Scripts script, int buckets, Pod pod)
      throws Exception {
    String jvm =
        pod.environment().isEmpty()
            ? "the chart's JVM, tiered"
            : "JDK_JAVA_OPTIONS=" + pod.environment().get("JDK_JAVA_OPTIONS");
    try (ServiceProcess service =
        bench.startProduction(db, PORT, "serve-pod-" + pod.name() + ".log", pod)) {
      double ready = service.awaitReady(Duration.ofSeconds(120));
      return PodCurve.measure(name, jvm, service, ready, script, CLIENTS, buckets);
    }
  }

  private Abuse abuse() throws Exception {
    AbuseGoal load = new AbuseGoal(bench);
    String db = load.prepare("reservation_bench_pod_abuse");
    Pod pod = pod("abuse");
    try (ServiceProcess service = bench.startProduction(db, PORT, "serve-pod-abuse.log", pod)) {
      service.awaitReady(Duration.ofSeconds(120));
      load.hammer(service, PORT);
      double peak = pod.peakMiB();
      String usage = pod.usage();
      int exit = service.stop(Duration.ofSeconds(30));
      return new Abuse(peak, usage, pod.oomKills(), exit, load.serverErrors(), load.normalReads());
    } finally {
      bench.dropDatabase(db);
    }
  }

  /** The 200m / 256 MiB pod with the chart's environment (no JVM options of its own). */
  private static Pod pod(String name) throws Exception {
    return Pod.create("reservation-bench-pod-" + name, MILLICORES, Jvm.MEMORY_MIB);
  }

  private static Map<String, String> jvm(String options) {
    return Map.of("JDK_JAVA_OPTIONS", options);
  }

  private Path absent() {
    return bench.scratch().resolve("no-such-cache.aot");
  }
}
