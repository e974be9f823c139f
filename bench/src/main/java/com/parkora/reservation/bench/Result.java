package com.parkora.reservation.bench;

/**
 * One row of the table: a figure measured for the service and, where there is one, for the raw-SQL
 * baseline in the same run.
 */
record Result(
    String figure, String service, String baseline, String ratio, String goal, Boolean met) {

  static Result info(String figure, String service, String baseline) {
    return new Result(figure, service, baseline, "", "", null);
  }

  Result withRatio(double value) {
    return new Result(figure, service, baseline, String.format("%.2f", value), goal, met);
  }

  String metText() {
    return met == null ? "" : met ? "yes" : "NO";
  }
}
