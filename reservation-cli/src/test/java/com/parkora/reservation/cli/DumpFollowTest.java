package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.testing.Polling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DumpFollowTest {

  @TempDir Path work;

  @RegisterExtension final TestDatabase db = TestDatabase.perTest("cli_follow");

  /**
   * The feed's horizon is the oldest transaction running anywhere on the server, so a long
   * transaction of another test or benchmark delays, but never loses, what follow sees: hence the
   * generous waits.
   */
  @Test
  void follow_keeps_writing_events_as_they_commit_until_interrupted() throws Exception {
    Reservations.populate(db.storage(), Reservations.TENANTS.subList(0, 1));
    Path output = work.resolve("follow.jsonl");
    var executor = Executors.newSingleThreadExecutor();
    try {
      Future<CliProcess.Result> following =
          executor.submit(
              () ->
                  InProcess.run(
                      "events",
                      "dump",
                      "--follow",
                      "--database-url",
                      db.connectionString(),
                      "--output",
                      output.toString()));
      awaitLines(output, 13, following);

      Reservations.populate(db.storage(), Reservations.TENANTS.subList(1, 2));
      awaitLines(output, 26, following);
      following.cancel(true);
      executor.shutdown();

      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      List<String> lines = Files.readAllLines(output);
      assertThat(lines).hasSize(26);
      assertThat(lines.subList(13, 26))
          .allSatisfy(
              line ->
                  assertThat(Json.read(line).path("tenant_id").asText())
                      .isEqualTo(Reservations.TENANTS.get(1).toString()));
    } finally {
      executor.shutdownNow();
    }
  }

  private static void awaitLines(Path file, int count, Future<CliProcess.Result> following) {
    Polling.await(count + " lines in " + file)
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              if (following.isDone()) {
                throw new AssertionError("the dump stopped following: " + following.get());
              }
              return Files.exists(file) && Files.readAllLines(file).size() >= count;
            });
  }
}
