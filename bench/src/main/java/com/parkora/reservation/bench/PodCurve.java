package com.parkora.reservation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A warm-up curve: a closed load from a few clients, measured in consecutive buckets (one wrk run
 * each) from the moment the service is ready, with the CPU the service used in each bucket.
 */
record PodCurve(
    String operation, String jvm, double ready, List<Double> rates, List<Double> cpuShares) {

  static final Duration BUCKET = Duration.ofSeconds(10);

  /** The wrk script of one run (creates need new spots every run). */
  interface Scripts {
    Path next() throws Exception;
  }

  /** Runs {@code buckets} buckets of {@code scripts} against {@code service}. */
  static PodCurve measure(
      String operation,
      String jvm,
      ServiceProcess service,
      double ready,
      Scripts scripts,
      int clients,
      int buckets)
      throws Exception {
    List<Double> rates = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < buckets; i++) {
      double cpuBefore = service.cpuSeconds();
      long started = System.nanoTime();
      Wrk.Outcome outcome = Wrk.run(service.baseUrl(), scripts.next(), clients, BUCKET);
      double wall = (System.nanoTime() - started) / 1e9;
      Bench.failOnErrors(operation + " in the pod", outcome);
      rates.add(outcome.throughput());
      cpu.add((service.cpuSeconds() - cpuBefore) / wall);
      System.out.printf(
          "   %s (%s) %3d s: %,.0f/s, service CPU %.2f%n",
          operation, jvm, (i + 1) * BUCKET.toSeconds(), outcome.throughput(), cpu.getLast());
    }
    return new PodCurve(operation, jvm, ready, rates, cpu);
  }

  /** The mean rate over the buckets that start in [fromSeconds, toSeconds). */
  double mean(int fromSeconds, int toSeconds) {
    long width = BUCKET.toSeconds();
    return rates.stream()
        .skip(fromSeconds / width)
        .limit(Math.max(1, (toSeconds - fromSeconds) / width))
        .mapToDouble(Double::doubleValue)
        .average()
        .orElse(0);
  }

  int seconds() {
    return (int) (rates.size() * BUCKET.toSeconds());
  }

  /** The rates, "12, 30, 55, ...", and each as a share of {@code ideal}. */
  String describe(double ideal) {
    return rates.stream().map(Bench::format).collect(Collectors.joining(", "))
        + " (x ideal: "
        + rates.stream().map(r -> String.format("%.2f", r / ideal)).collect(Collectors.joining(" "))
        + "; service CPU per bucket: "
        + cpuShares.stream().map(c -> String.format("%.2f", c)).collect(Collectors.joining(" "))
        + ")";
  }
}
