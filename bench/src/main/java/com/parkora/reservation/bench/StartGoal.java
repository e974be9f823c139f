package com.parkora.reservation.bench;

import java.time.Duration;
import java.util.List;

/** Launch to {@code /health/ready} 200 on a migrated PostgreSQL database, best of three. */
final class StartGoal {

  private final Bench bench;

  StartGoal(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    System.out.println("== start: ready with PostgreSQL, migrations applied");
    String db = bench.freshDatabase("reservation_bench_start");
    double plain = bestStart(db, Jvm.DEPLOYMENT);
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
    List<String> production = bench.productionJvm();
    double cached = bestStart(db, production);
    bench
        .report()
        .add(
            new Result(
                "ready after start, PostgreSQL, production command ("
                    + (Jvm.hasAotCache() ? "AOT cache" : "class-data archive")
                    + ", s, best of 3)",
                String.format("%.2f", cached),
                "n/a",
                "",
                "<= 1.0",
                cached <= 1.0));
    bench.dropDatabase(db);
  }

  private double bestStart(String db, List<String> jvm) throws Exception {
    double best = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ServiceProcess service =
          ServiceProcess.serve(
              bench.jar(), jvm, bench.url(db), 18083, bench.scratch().resolve("serve-start.log"))) {
        best = Math.min(best, service.awaitReady(Duration.ofSeconds(60)));
      }
    }
    return best;
  }
}
