package com.parkora.reservation.bench;

import java.util.List;

/** The rows of the pod goal: every figure in the pod beside its yardstick from the same run. */
record PodReport(
    Report report,
    PodGoal.Steady steady,
    List<PodGoal.Start> starts,
    List<PodCurve> curves,
    PodGoal.Abuse abuse) {

  private static final String POD = "pod " + PodGoal.MILLICORES + "m/" + Jvm.MEMORY_MIB + " MiB: ";

  void add() {
    double idealCreates = PodGoal.CPUS / steady.creates().cpuPerRequest();
    double idealReads = PodGoal.CPUS / steady.reads().cpuPerRequest();
    steadyRows();
    report.add(
        Result.info(
            POD + "ideal creates/s / reads/s (0.2 CPU / the steady cost above)",
            Bench.format(idealCreates) + " / " + Bench.format(idealReads),
            ""));
    for (PodGoal.Start start : starts) {
      boolean cached = !start.name().equals("no-cache");
      double bound = cached ? 10 : 30;
      report.add(
          new Result(
              POD
                  + "launch to ready, "
                  + (cached ? "AOT cache, " : "no cache, ")
                  + command(start.name())
                  + " (s); SIGTERM: exit "
                  + start.exit()
                  + ", OOM kills "
                  + start.oomKills(),
              String.format("%.1f", start.ready()),
              "n/a",
              "",
              (cached ? "<= 10" : "< 30") + ", no OOM kill",
              start.ready() <= bound && start.oomKills() == 0 && start.exit() != 137));
    }
    for (PodCurve curve : curves) {
      boolean creates = curve.operation().equals("creates");
      double ideal = creates ? idealCreates : idealReads;
      String what =
          (creates ? "creates/s" : "ReservationsByUser reads/s") + " (" + curve.jvm() + ")";
      report.add(
          Result.info(
              POD
                  + what
                  + " from ready (ready after "
                  + String.format("%.1f", curve.ready())
                  + " s), 10 s buckets",
              curve.describe(ideal),
              Bench.format(ideal) + " (ideal)"));
      rate(what + ", first 60 s after ready", curve.mean(0, 60), ideal, 0.5);
      if (curve.seconds() > 180) {
        rate(
            what + ", 3 min after ready to " + curve.seconds() / 60 + " min",
            curve.mean(180, curve.seconds()),
            ideal,
            0.8);
      }
    }
    report.add(
        new Result(
            POD
                + "peak memory under the abuse load (MiB, memory.max_usage_in_bytes; "
                + abuse.normalReads()
                + " normal reads alongside; at the end: "
                + abuse.usage()
                + "; OOM kills "
                + abuse.oomKills()
                + ", exit on SIGTERM "
                + abuse.exit()
                + ")",
            Bench.format(abuse.peakMiB()),
            "n/a",
            "",
            "<= 200, no OOM kill, no 5xx",
            abuse.peakMiB() <= 200
                && abuse.oomKills() == 0
                && abuse.exit() != 137
                && abuse.serverErrors() == 0));
  }

  private void steadyRows() {
    PodGoal.Settled creates = steady.creates();
    PodGoal.Settled reads = steady.reads();
    report.add(
        Result.info(
            "no CPU quota, 256 MiB, the chart's JVM (bin/jvm.options, tiered C1+C2), at the steady"
                + " state ("
                + settledAfter(creates)
                + " of creates, "
                + settledAfter(reads)
                + " of reads): creates/s / ReservationsByUser reads/s (8 clients); service CPU"
                + " per create / per read (ms, /proc)",
            Bench.format(creates.rate())
                + " / "
                + Bench.format(reads.rate())
                + "; "
                + String.format(
                    "%.3f / %.3f", creates.cpuPerRequest() * 1000, reads.cpuPerRequest() * 1000),
            ""));
  }

  /** "settled after 90 s", or "not settled after 210 s" when the cost still fell. */
  private static String settledAfter(PodGoal.Settled load) {
    return (load.settled() ? "settled after " : "not settled after ") + load.seconds() + " s";
  }

  private void rate(String figure, double rate, double ideal, double floor) {
    report.add(
        Result.compared(
            POD + figure,
            Bench.format(rate),
            Bench.format(ideal) + " (ideal)",
            rate / ideal,
            String.format(">= %.2f", floor),
            r -> r >= floor));
  }

  private static String command(String start) {
    return start.equals("image") ? "the image's command (java @jvm.options)" : "bin/serve";
  }
}
