package com.parkora.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

  @Test
  void generated_users_are_found_by_the_same_uuid_postgresql_derives() {
    // SELECT md5('u1-42')::uuid;  -- computed by PostgreSQL 15
    assertThat(Bench.md5Uuid("u1-42")).isEqualTo("f204a23f-d868-68a8-ebbf-7a9d270e4c95");
  }

  @Test
  void the_table_has_a_row_per_result_with_the_verdict() {
    Report report = new Report();
    report.add(new Result("commands/s", "1,200", "1,900", "0.63", ">= 0.60", true));
    report.add(new Result("rebuild (s)", "60.0", "40.0", "1.50", "<= 1.25", false));
    String table = report.markdown("test machine");
    assertThat(table)
        .contains("| figure | service | baseline | ratio | goal | met |")
        .contains("| commands/s | 1,200 | 1,900 | 0.63 | >= 0.60 | yes |")
        .contains("| rebuild (s) | 60.0 | 40.0 | 1.50 | <= 1.25 | NO |");
  }

  @Test
  void baseline_percentiles_come_from_every_thread_log_of_pgbench(@TempDir Path dir)
      throws Exception {
    // pgbench --log --log-prefix=tx: one file per thread; the third field is the latency in µs.
    Files.writeString(
        dir.resolve("tx.4242"), "0 1 2000 0 1796159406 47829\n0 2 1000 0 1796159406 50377\n");
    Files.writeString(
        dir.resolve("tx.4242.1"), "1 1 4000 0 1796159406 31844\n1 2 3000 0 1796159406 32075\n");
    Files.writeString(dir.resolve("other.txt"), "not a log");
    Pgbench run = new Pgbench(100, Pgbench.latencies(dir));
    assertThat(run.latenciesMicros()).containsExactly(1000, 2000, 3000, 4000);
    assertThat(run.percentileMillis(50)).isEqualTo(2.0);
    assertThat(run.percentileMillis(99)).isEqualTo(4.0);
    assertThat(run.percentileMillis(75)).isEqualTo(3.0);
  }

  @Test
  void a_pod_curve_averages_the_buckets_of_a_window() {
    PodCurve curve =
        new PodCurve("creates", "test", 5.0, List.of(10.0, 20.0, 30.0, 40.0), List.of(0.2, 0.2));
    assertThat(curve.seconds()).isEqualTo(40);
    assertThat(curve.mean(0, 20)).isEqualTo(15.0);
    assertThat(curve.mean(20, 40)).isEqualTo(35.0);
    assertThat(curve.describe(40)).startsWith("10, 20, 30, 40 (x ideal: 0.25 0.50 0.75 1.00;");
  }

  @Test
  void a_compared_row_carries_the_ratio_and_its_verdict() {
    Result slow = Result.compared("p99 (ms)", "9.00", "3.00", 3.0, "<= 2.00", r -> r <= 2.0);
    Result fast = Result.compared("q/s", "900", "1,000", 0.9, ">= 0.80", r -> r >= 0.8);
    assertThat(slow.ratio()).isEqualTo("3.00");
    assertThat(slow.metText()).isEqualTo("NO");
    assertThat(fast.metText()).isEqualTo("yes");
  }
}
