package com.parkora.reservation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
