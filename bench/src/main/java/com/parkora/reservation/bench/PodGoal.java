package com.parkora.reservation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The service in the pod it runs in: a cgroup of 200m CPU and 256 MiB, as the kubelet makes it.
 * Measures, in one run: the cost of a create and of the front end's read at the steady state with
 * no CPU quota (the yardstick: the pod's ideal rate is 0.2 CPU / that cost); launch to ready in the
 * pod without and with the training run's cache, with the production command and the image's; the
 * warm-up curves of creates and reads in 10 s buckets from ready; the pod's peak memory under the
 * abuse load; and OOM kills, SIGTERM included.
 */
record PodGoal(Workbench bench) {

  static final int MILLICORES = 200;
  static final double CPUS = MILLICORES / 1000.0;
  private static final int CLIENTS = 8;
  private static final int PORT = 18090;

  void run() throws Exception {
    System.out.printf(
        "== pod: %dm CPU, %d MiB, production command on PostgreSQL%n", MILLICORES, Jvm.MEMORY_MIB);
    String db =
        bench.freshDatabaseWithReservations(
            "reservation_bench_pod", bench.quick() ? 2_500 : 12_500);
    PodCurve.Scripts creates =
        () -> CommandGoals.script(bench.scratch(), "pod-" + System.nanoTime());
    Path readScript = QueryGoals.script(bench.scratch(), "pod-by-user", QueryGoals::byUser);
    PodCurve.Scripts reads = () -> readScript;
    Steady steady = steady(db, creates, reads);
    Steady c1 = steadyPodEnvironment(db, creates, reads);

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
    List<PodCurve> curves;
    try (ExecutorService all = Executors.newFixedThreadPool(3)) {
      Future<PodCurve> c = all.submit(() -> curve(db, "creates", creates, 1, buckets, pod("c")));
      Future<PodCurve> r = all.submit(() -> curve(db, "reads", reads, 2, buckets, pod("r")));
      Future<PodCurve> t =
          all.submit(() -> curve(db, "creates", creates, 3, buckets, tieredPod("t")));
      curves = List.of(c.get(), r.get(), t.get());
    }
    Abuse abuse = abuse();
    bench.dropDatabase(db);
    new PodReport(bench.report(), steady, c1, List.of(bare, served, image), curves, abuse).add();
  }

  /** What the pod's ideal rates are made of: unlimited CPU, the deployment's memory. */
  record Steady(double createRate, double createCpu, double readRate, double readCpu) {}

  /** One start in a fresh pod: seconds to ready, then SIGTERM: exit status, OOM kills. */
  record Start(String name, double ready, int exit, long oomKills) {}

  /** The abuse load in the pod. */
  record Abuse(
      double peakMiB, String usage, long oomKills, int exit, long serverErrors, long normalReads) {}

  private Steady steady(String db, PodCurve.Scripts creates, PodCurve.Scripts reads)
      throws Exception {
    System.out.println("   steady state without a CPU quota (the yardstick of the pod)");
    try (ServiceProcess service = bench.startProduction(db, PORT, "serve-pod-steady.log")) {
      return steady(service, creates, reads);
    }
  }

  /**
   * The same with the pod's environment (C1 alone): the pod's ideal rate is the cheaper of the two,
   * whichever the pod runs.
   */
  private Steady steadyPodEnvironment(String db, PodCurve.Scripts creates, PodCurve.Scripts reads)
      throws Exception {
    System.out.println("   the same with the pod's environment " + Jvm.SMALL_POD_ENV);
    try (ServiceProcess service =
        bench.startProduction(
            db,
            PORT,
            "serve-pod-steady-c1.log",
            Jvm.deploymentPod("steady-c1").withEnvironment(Jvm.SMALL_POD_ENV))) {
      return steady(service, creates, reads);
    }
  }

  private Steady steady(ServiceProcess service, PodCurve.Scripts creates, PodCurve.Scripts reads)
      throws Exception {
    service.awaitReady(Duration.ofSeconds(60));
    Duration warm = Duration.ofSeconds(bench.quick() ? 5 : 30);
    Duration measured = Duration.ofSeconds(bench.quick() ? 5 : 20);
    Wrk.run(service.baseUrl(), creates.next(), CLIENTS, warm);
    double[] c = costPerRequest(service, creates, measured, "creates");
    Wrk.run(service.baseUrl(), reads.next(), CLIENTS, warm);
    double[] r = costPerRequest(service, reads, measured, "reads");
    return new Steady(c[0], c[1], r[0], r[1]);
  }

  /** {rate, CPU-seconds of the service per request}. */
  private static double[] costPerRequest(
      ServiceProcess service, PodCurve.Scripts script, Duration measured, String name)
      throws Exception {
    double before = service.cpuSeconds();
    Wrk.Outcome outcome = Wrk.run(service.baseUrl(), script.next(), CLIENTS, measured);
    double cpu = service.cpuSeconds() - before;
    Bench.failOnErrors(name + " without a CPU quota", outcome);
    System.out.printf(
        "   %s: %,.0f/s, %.3f ms of service CPU each%n",
        name, outcome.throughput(), cpu / outcome.requests() * 1000);
    return new double[] {outcome.throughput(), cpu / outcome.requests()};
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

  private PodCurve curve(
      String db, String name, PodCurve.Scripts script, int slot, int buckets, Pod pod)
      throws Exception {
    String jvm = pod.environment().isEmpty() ? "tiered, no pod environment" : "pod environment";
    try (ServiceProcess service =
        bench.startProduction(db, PORT + slot, "serve-pod-" + pod.name() + ".log", pod)) {
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

  /** The 200m / 256 MiB pod with the deployment's environment ({@link Jvm#SMALL_POD_ENV}). */
  private static Pod pod(String name) throws Exception {
    return tieredPod(name).withEnvironment(Jvm.SMALL_POD_ENV);
  }

  /** The same pod without that environment: the options file alone (tiered compilation). */
  private static Pod tieredPod(String name) throws Exception {
    return Pod.create("reservation-bench-pod-" + name, MILLICORES, Jvm.MEMORY_MIB);
  }

  private Path absent() {
    return bench.scratch().resolve("no-such-cache.aot");
  }
}
