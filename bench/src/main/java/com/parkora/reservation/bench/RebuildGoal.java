package com.parkora.reservation.bench;

import java.util.Map;

/**
 * The rebuild of one tenant's events against the set-based {@code INSERT ... SELECT} that writes
 * the same rows, both replacing a populated read model. The baseline deletes and writes every row
 * whatever the model holds; the service writes only the rows that differ, so it is timed over the
 * right model (it writes nothing) and over a model wrong in every row (it writes them all).
 */
record RebuildGoal(Workbench bench) {

  void run() throws Exception {
    int created = bench.quick() ? 60_000 : 600_000;
    int changes = bench.quick() ? 40_000 : 400_000;
    System.out.printf(
        "== rebuild: one tenant, %,d events (%,d reservations + %,d changes)%n",
        created + changes, created, changes);
    String db = bench.freshDatabase("reservation_bench_rebuild");
    String tenant = Bench.tenant(1);
    bench
        .shell()
        .psqlFile(
            db,
            bench.shell().resource("generate-events.sql"),
            Map.of(
                "tenant",
                tenant,
                "created",
                String.valueOf(created),
                "changes",
                String.valueOf(changes)));

    // Both rebuilds replace a populated read model, as a real rebuild does: one untimed run fills
    // it, then the SQL baseline and the service each replace it.
    bench
        .shell()
        .psqlFile(db, bench.shell().resource("rebuild-baseline.sql"), Map.of("tenant", tenant));
    bench.shell().psql(db, "VACUUM ANALYZE reservations");
    double baseline = baselineRebuild(db, tenant);
    String expected =
        bench
            .shell()
            .psql(db, "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM reservations r");
    double overRight = serviceRebuild(db, tenant, expected, "rebuild-right.log");

    // Over a wrong model the baseline is timed again: each of the two runs right after the same
    // update of every row, so both meet the table (its size, its dead index entries) it leaves.
    spoil(db);
    double baselineOverWrong = baselineRebuild(db, tenant);
    spoil(db);
    double overWrong = serviceRebuild(db, tenant, expected, "rebuild-wrong.log");
    report(created + changes, "over the right read model", overRight, baseline);
    report(created + changes, "over a read model wrong in every row", overWrong, baselineOverWrong);
    bench.dropDatabase(db);
  }

  /** The set-based SQL rebuild, timed; the table vacuumed after it. */
  private double baselineRebuild(String db, String tenant) throws Exception {
    bench.checkpoint();
    long started = System.nanoTime();
    bench
        .shell()
        .psqlFile(db, bench.shell().resource("rebuild-baseline.sql"), Map.of("tenant", tenant));
    double seconds = (System.nanoTime() - started) / 1e9;
    bench.shell().psql(db, "VACUUM ANALYZE reservations");
    return seconds;
  }

  /** Makes every row of the model wrong: its {@code updated_at} a microsecond later. */
  private void spoil(String db) throws Exception {
    bench
        .shell()
        .psql(db, "UPDATE reservations SET updated_at = updated_at + interval '1 microsecond'");
    bench.shell().psql(db, "VACUUM ANALYZE reservations");
  }

  private double serviceRebuild(String db, String tenant, String expected, String log)
      throws Exception {
    bench.checkpoint();
    double seconds =
        ServiceProcess.runCommand(
            bench.jar(),
            "256m",
            bench.url(db),
            bench.scratch().resolve(log),
            "rebuild",
            "--tenant",
            tenant);
    String actual =
        bench
            .shell()
            .psql(db, "SELECT md5(string_agg(r::text, ',' ORDER BY id)) FROM reservations r");
    if (!expected.equals(actual)) {
      System.out.println(
          "  (the service's rebuild and the SQL rebuild differ in some column;"
              + " compare them with: SELECT * FROM reservations ORDER BY id LIMIT 5)");
    }
    return seconds;
  }

  private void report(int events, String over, double service, double baseline) {
    bench
        .report()
        .add(
            Result.compared(
                String.format("rebuild of %,d events %s, -Xmx256m (s)", events, over),
                String.format("%.1f", service),
                String.format("%.1f", baseline),
                service / baseline,
                "<= 1.00",
                r -> r <= 1.0));
  }
}
