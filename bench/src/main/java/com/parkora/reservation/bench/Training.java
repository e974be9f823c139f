package com.parkora.reservation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The production command's training run: the service started with the options that write the cache,
 * a short command and read load, a SIGTERM; the JVM writes the ahead-of-time cache (or the
 * class-data archive on a JDK before 25) as it exits.
 */
record Training(Workbench bench) {

  void run() throws Exception {
    Path cache = bench.productionCache();
    Files.deleteIfExists(cache);
    System.out.println("== training run of the production command: writes " + cache);
    String db = bench.freshDatabase("reservation_bench_training");
    Path log = bench.scratch().resolve("serve-training.log");
    try (ServiceProcess service = bench.startTraining(db, 18085, "serve-training.log")) {
      service.awaitReady(Duration.ofSeconds(60));
      Duration load = Duration.ofSeconds(bench.quick() ? 5 : 15);
      Wrk.run(service.baseUrl(), CommandGoals.script(bench.scratch(), "training"), 16, load);
      Path list =
          Wrk.script(
              bench.scratch(),
              "training-list",
              """
              wrk.method = "POST"
              wrk.headers["Content-Type"] = "application/json"
              wrk.headers["X-Tenant-ID"] = %s
              wrk.body = %s
              """
                  .formatted(
                      Wrk.lua(Bench.tenant(1)),
                      Wrk.lua(
                          QueryGoals.body(
                              "query Training { reservations(limit: 50) { id tenantId userId"
                                  + " parkingSpotId startTime endTime durationHours totalCost status"
                                  + " transactionId createdAt updatedAt } }",
                              "{}"))));
      Wrk.run(service.baseUrl(), list, 8, load);
      service.stop(Duration.ofSeconds(120));
    }
    bench.dropDatabase(db);
    if (!Files.exists(cache)) {
      throw new IllegalStateException(
          "the training run wrote no " + cache + "; its log:\n" + Files.readString(log));
    }
  }
}
