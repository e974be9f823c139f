package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent.ReservationCreated;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.memory.JournaledStorage;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RebuildTest {

  @TempDir Path work;

  @RegisterExtension final TestDatabase db = TestDatabase.perTest("cli_rebuild");

  @Test
  void rebuild_all_reproduces_every_tenants_read_model() {
    Map<TenantId, List<ReservationView>> before = populatedThenReadModelsDeleted();
    assertThat(Reservations.snapshot(db.storage(), Reservations.TENANTS).values())
        .allMatch(List::isEmpty);

    CliProcess.Result result =
        InProcess.run(
            "rebuild", "--all", "--progress", "lines", "--database-url", db.connectionString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("rebuilt 3 tenants from 39 events in ")
        .contains("; read model: 0 rows removed, 15 written");
    assertThat(result.err().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "tenant " + Reservations.TENANTS.getFirst() + ": 13/13 events (100%)")
                    .contains("events/s"));
    assertThat(Reservations.snapshot(db.storage(), Reservations.TENANTS)).isEqualTo(before);
  }

  @Test
  void rebuild_of_one_tenant_leaves_the_others_alone() {
    Map<TenantId, List<ReservationView>> before = populatedThenReadModelsDeleted();
    TenantId first = Reservations.TENANTS.getFirst();

    CliProcess.Result result =
        InProcess.run(
            "rebuild", "--tenant", first.toString(), "--database-url", db.connectionString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("rebuilt 1 tenant from 13 events");
    assertThat(
            InProcess.run(
                    "rebuild",
                    "--tenant",
                    first.toString(),
                    "--database-url",
                    db.connectionString())
                .out())
        .as("a second rebuild finds the model right")
        .contains("; read model unchanged");
    Map<TenantId, List<ReservationView>> after =
        Reservations.snapshot(db.storage(), Reservations.TENANTS);
    assertThat(after.get(first)).isEqualTo(before.get(first));
    assertThat(after.get(Reservations.TENANTS.get(1))).isEmpty();
  }

  @Test
  void a_tenant_whose_log_cannot_be_rebuilt_fails_the_command_but_not_the_other_tenants() {
    Reservations.populate(db.storage(), Reservations.TENANTS.subList(0, 1));
    TenantId broken = Reservations.TENANTS.get(1);
    for (int i = 0; i < 2; i++) {
      db.storage().inTransaction(broken, uow -> uow.importEvent(created(broken)));
      db.jdbi().useHandle(h -> h.execute("DELETE FROM reservations"));
    }

    CliProcess.Result result =
        InProcess.run(
            "rebuild", "--all", "--progress", "lines", "--database-url", db.connectionString());

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.err()).contains("error: rebuilding tenant " + broken + " failed: ");
    assertThat(result.out()).startsWith("rebuilt 1 tenant from 13 events").contains("; 1 failed");
    assertThat(
            Reservations.snapshot(db.storage(), Reservations.TENANTS.subList(0, 1))
                .get(Reservations.TENANTS.getFirst()))
        .hasSize(5);
  }

  /** A creation of spot X for the same hour: two of them double-book, which no rebuild accepts. */
  private static StoredEvent created(TenantId tenant) {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2030-01-01T08:00:00Z");
    Instant start = Instant.parse("2031-01-01T08:00:00Z");
    return new StoredEvent(
        UUID.randomUUID(),
        id,
        tenant,
        1,
        0,
        new ReservationCreated(
            id,
            tenant,
            UUID.randomUUID(),
            "X",
            start,
            start.plusSeconds(3600),
            1,
            new BigDecimal("5.00"),
            at),
        Map.of(),
        at);
  }

  @Test
  void rebuild_shows_a_progress_bar_with_rate_and_time_left_on_a_terminal() throws Exception {
    Path dataDir = work.resolve("data");
    try (JournaledStorage embedded = Journal.open(dataDir, new EventCodec())) {
      Reservations.populate(embedded, Reservations.TENANTS);
    }
    List<String> command =
        CliProcess.builder(work, Map.of(), "rebuild", "--all", "--data-dir", dataDir.toString())
            .command();
    ProcessBuilder underPty =
        new ProcessBuilder(
                "script",
                "-qec",
                String.join(" ", command.stream().map(RebuildTest::shellQuote).toList()),
                "/dev/null")
            .directory(work.toFile())
            .redirectErrorStream(true);
    underPty.environment().put("TERM", "xterm-256color");
    underPty.environment().put("COLUMNS", "140");
    Process process = underPty.start();
    String screen = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).as(screen).isZero();
    assertThat(screen)
        .contains("tenant " + Reservations.TENANTS.getFirst())
        .contains("100%")
        .contains("13/13")
        .contains("events/s")
        .contains("rebuilt 3 tenants from 39 events");
  }

  private static String shellQuote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Populates every tenant, then deletes the read models; answers them as they were. */
  private Map<TenantId, List<ReservationView>> populatedThenReadModelsDeleted() {
    Reservations.populate(db.storage(), Reservations.TENANTS);
    Map<TenantId, List<ReservationView>> before =
        Reservations.snapshot(db.storage(), Reservations.TENANTS);
    db.jdbi().useHandle(h -> h.execute("DELETE FROM reservations"));
    return before;
  }
}
