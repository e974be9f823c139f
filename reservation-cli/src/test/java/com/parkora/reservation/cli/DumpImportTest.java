package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.memory.JournaledStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DumpImportTest {

  @TempDir Path work;

  @RegisterExtension final TestDatabase db = TestDatabase.perTest("cli_dump");

  @Test
  void a_postgres_dump_imported_into_the_embedded_store_gives_the_same_read_models()
      throws Exception {
    Reservations.populate(db.storage(), Reservations.TENANTS);
    Path dump = work.resolve("pg.jsonl");
    Path dataDir = work.resolve("embedded");

    CliProcess.Result imported = dumpAndImport(dump, postgres(), embedded(dataDir));

    long events = Files.readAllLines(dump).size();
    assertThat(events).isEqualTo(3 * 13);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .startsWith("imported " + events + " events, skipped 0 already present");
    try (JournaledStorage embedded = Journal.open(dataDir, new EventCodec())) {
      assertThat(Reservations.snapshot(embedded, Reservations.TENANTS))
          .isEqualTo(Reservations.snapshot(db.storage(), Reservations.TENANTS));
    }
  }

  @Test
  void an_embedded_dump_imported_into_postgres_gives_the_same_read_models() throws Exception {
    Path dataDir = work.resolve("embedded");
    try (JournaledStorage embedded = Journal.open(dataDir, new EventCodec())) {
      Reservations.populate(embedded, Reservations.TENANTS);
    }
    Path dump = work.resolve("embedded.jsonl");

    CliProcess.Result imported = dumpAndImport(dump, embedded(dataDir), postgres());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (JournaledStorage embedded = Journal.open(dataDir, new EventCodec())) {
      assertThat(Reservations.snapshot(db.storage(), Reservations.TENANTS))
          .isEqualTo(Reservations.snapshot(embedded, Reservations.TENANTS));
    }
  }

  @Test
  void importing_the_same_dump_twice_adds_nothing() throws Exception {
    Reservations.populate(db.storage(), Reservations.TENANTS.subList(0, 1));
    Path dump = work.resolve("pg.jsonl");
    Path dataDir = work.resolve("embedded");
    InProcess.run(
        "events", "dump", "--database-url", db.connectionString(), "--output", dump.toString());

    InProcess.run("events", "import", dump.toString(), "--data-dir", dataDir.toString());
    CliProcess.Result again =
        InProcess.run("events", "import", dump.toString(), "--data-dir", dataDir.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).startsWith("imported 0 events, skipped 13 already present");
    try (JournaledStorage embedded = Journal.open(dataDir, new EventCodec())) {
      assertThat(embedded.replayedEvents()).isEqualTo(13);
    }
  }

  @Test
  void dump_filters_by_tenant_reservation_and_position() throws Exception {
    Reservations.populate(db.storage(), Reservations.TENANTS);
    String tenant = Reservations.TENANTS.get(1).toString();

    CliProcess.Result byTenant =
        InProcess.run(
            "events", "dump", "--database-url", db.connectionString(), "--tenant", tenant);
    String reservation =
        Json.read(byTenant.out().lines().findFirst().orElseThrow()).path("reservation_id").asText();
    CliProcess.Result byReservation =
        InProcess.run(
            "events",
            "dump",
            "--database-url",
            db.connectionString(),
            "--reservation",
            reservation);
    CliProcess.Result afterPosition =
        InProcess.run(
            "events", "dump", "--database-url", db.connectionString(), "--after-position", "30");

    assertThat(byTenant.out().lines())
        .hasSize(13)
        .allSatisfy(
            line -> assertThat(Json.read(line).path("tenant_id").asText()).isEqualTo(tenant));
    assertThat(byReservation.out().lines())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(Json.read(line).path("reservation_id").asText()).isEqualTo(reservation));
    assertThat(afterPosition.out().lines())
        .hasSize(9)
        .allSatisfy(
            line -> assertThat(Json.read(line).path("position").asLong()).isGreaterThan(30));
  }

  @Test
  void a_dump_piped_through_stdin_imports_the_same_events() throws Exception {
    Reservations.populate(db.storage(), Reservations.TENANTS.subList(0, 1));
    CliProcess.Result dumped =
        InProcess.run("events", "dump", "--database-url", db.connectionString());
    Path dataDir = work.resolve("embedded");

    CliProcess.Result imported =
        InProcess.withInput(
            dumped.out().getBytes(StandardCharsets.UTF_8),
            "events",
            "import",
            "-",
            "--data-dir",
            dataDir.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("imported 13 events, skipped 0 already present");
  }

  @Test
  void a_malformed_line_names_its_line_number() throws Exception {
    Path dump = work.resolve("bad.jsonl");
    Files.writeString(dump, "{\"event_id\": 1}\n");

    CliProcess.Result result =
        InProcess.run(
            "events", "import", dump.toString(), "--data-dir", work.resolve("embedded").toString());

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.err().lines()).singleElement().asString().startsWith("error: line 1: ");
  }

  /** The flags naming this test's PostgreSQL database. */
  private List<String> postgres() {
    return List.of("--database-url", db.connectionString());
  }

  /** The flags naming the embedded store in {@code dataDir}. */
  private static List<String> embedded(Path dataDir) {
    return List.of("--data-dir", dataDir.toString());
  }

  /**
   * Dumps the store the flags {@code from} name to {@code file}, then imports the file into the
   * store the flags {@code into} name: the import's result, once the dump is shown to have passed.
   */
  private static CliProcess.Result dumpAndImport(Path file, List<String> from, List<String> into) {
    List<String> dump = new ArrayList<>(List.of("events", "dump", "--output", file.toString()));
    dump.addAll(from);
    CliProcess.Result dumped = InProcess.run(dump.toArray(String[]::new));
    assertThat(dumped.exitCode()).as(dumped.err()).isZero();
    List<String> load = new ArrayList<>(List.of("events", "import", file.toString()));
    load.addAll(into);
    return InProcess.run(load.toArray(String[]::new));
  }
}
