package com.parkora.reservation.bench;

import java.time.Duration;
import java.util.Map;

/** Launch to {@code /health/ready} 200 on a migrated PostgreSQL database, best of three. */
record StartGoal(Workbench bench) {

  void run() throws Exception {
    System.out.println("== start: ready with PostgreSQL, migrations applied");
    String db = bench.freshDatabase("reservation_bench_start");
    double plain =
        bestStart(
            () ->
                ServiceProcess.serve(
                    bench.jar(),
                    Jvm.DEPLOYMENT,
                    bench.url(db),
                    18083,
                    bench.scratch().resolve("serve-start.log"),
                    Map.of(),
                    Jvm.deploymentPod("start")));
    bench
        .report()
        .add(
            new Result(
                "ready after start, PostgreSQL, deployment JVM, no cache (s, best of 3)",
                String.format("%.2f", plain),
                "n/a",
                "",
                "<= 2.0",
                plain <= 2.0));
    double cached = bestStart(() -> bench.startProduction(db, 18083, "serve-start.log"));
    bench
        .report()
        .add(
            new Result(
                "ready after start, PostgreSQL, production command bin/serve ("
                    + (Jvm.hasAotCache() ? "AOT cache" : "class-data archive")
                    + ", s, best of 3)",
                String.format("%.2f", cached),
                "n/a",
                "",
                "<= 1.0",
                cached <= 1.0));
    bench.dropDatabase(db);
  }

  /** Starts a service. */
  private interface Launch {
    ServiceProcess start() throws Exception;
  }

  private static double bestStart(Launch launch) throws Exception {
    double best = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ServiceProcess service = launch.start()) {
        best = Math.min(best, service.awaitReady(Duration.ofSeconds(60)));
      }
    }
    return best;
  }
}
