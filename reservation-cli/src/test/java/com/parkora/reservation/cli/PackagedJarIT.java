package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code target/reservation.jar} as a newcomer runs it ({@code java -jar ... serve}):
 * everything the service needs is inside it (drivers, migrations, webjars, service files). Runs in
 * {@code verify}, after {@code package} built the jar.
 */
class PackagedJarIT {

  static final Path JAR = Path.of("target", "reservation.jar");

  @TempDir Path work;

  @Test
  void the_packaged_jar_serves_graphql_docs_and_metrics_and_stops_cleanly() throws Exception {
    assertThat(JAR).exists();
    try (ServedService served = ServedService.startJar(JAR, work, Map.of())) {
      JsonNode created =
          Json.read(served.graphQl(ServeEmbeddedTest.TENANT, ServeEmbeddedTest.CREATE))
              .path("data")
              .path("createReservation");

      assertThat(created.path("status").asText()).isEqualTo("PENDING");
      assertThat(served.get("/docs").statusCode()).isEqualTo(200);
      assertThat(served.get("/redoc").statusCode()).isEqualTo(200);
      assertThat(served.get("/metrics").body())
          .contains("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total");
      assertThat(served.terminate()).isZero();
    }
    assertThat(Files.readAllLines(work.resolve("data").resolve("events.jsonl"))).hasSize(1);
  }

  @Test
  void the_packaged_jar_migrates_postgres() throws Exception {
    try (var db = com.parkora.reservation.jdbc.testing.TestDatabase.createEmpty("cli_jar")) {
      ProcessBuilder migrate =
          CliProcess.jar(JAR, "migrate", "--database-url", db.connectionString())
              .redirectErrorStream(true);
      Process process = migrate.start();
      String output = new String(process.getInputStream().readAllBytes());

      assertThat(process.waitFor()).as(output).isZero();
      assertThat(output).startsWith("schema version ");
    }
  }
}
