package com.parkora.reservation.bench;

import java.util.function.DoublePredicate;

/**
 * One row of the table: a figure measured for the service and, where there is one, for the raw-SQL
 * baseline in the same run.
 */
record Result(
    String figure, String service, String baseline, String ratio, String goal, Boolean met) {

  static Result info(String figure, String service, String baseline) {
    return new Result(figure, service, baseline, "", "", null);
  }

  /** A row whose goal is a bound on the ratio service / baseline. */
  static Result compared(
      String figure,
      String service,
      String baseline,
      double ratio,
      String goal,
      DoublePredicate met) {
    return new Result(
        figure, service, baseline, String.format("%.2f", ratio), goal, met.test(ratio));
  }

  /** A rate (per second) against its baseline's: met when their ratio is at least {@code floor}. */
  static Result rateAtLeast(String figure, double service, double baseline, double floor) {
    return compared(
        figure,
        Bench.format(service),
        Bench.format(baseline),
        service / baseline,
        String.format(">= %.2f", floor),
        r -> r >= floor);
  }

  Result withRatio(double value) {
    return new Result(figure, service, baseline, String.format("%.2f", value), goal, met);
  }

  String metText() {
    return met == null ? "" : met ? "yes" : "NO";
  }
}
