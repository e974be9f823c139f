package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeEmbeddedTest {

  static final String TENANT = "7b0e3c1a-52a4-4a0e-9a55-0c6c1d2f0a11";
  static final String CREATE =
      """
      mutation { createReservation(input: {userId: "3f1c2b7e-1d7a-4c55-8f0e-6a5b4c3d2e10",
        parkingSpotId: "A-12", startTime: "2031-05-01T09:00:00Z", durationHours: 2,
        totalCost: 12.5}) { id status } }""";

  @TempDir Path work;

  @Test
  void a_reservation_made_before_a_restart_is_there_after_it() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", work.resolve("data").toString());
    String id;
    try (ServedService served = ServedService.start(work, env)) {
      JsonNode created =
          Json.read(served.graphQl(TENANT, CREATE)).path("data").path("createReservation");
      id = created.path("id").asText();
      assertThat(created.path("status").asText()).isEqualTo("PENDING");
      assertThat(served.log())
          .contains("embedded store, journal " + work.resolve("data").resolve("events.jsonl"))
          .contains("for ONE process");
      assertThat(served.terminate()).isZero();
    }
    try (ServedService restarted = ServedService.start(work, env)) {
      String answer =
          restarted.graphQl(
              TENANT, "{ reservationById(id: \"" + id + "\") { id status parkingSpotId } }");
      JsonNode found = Json.read(answer).path("data").path("reservationById");
      assertThat(found.path("id").asText()).isEqualTo(id);
      assertThat(found.path("parkingSpotId").asText()).isEqualTo("A-12");
      assertThat(restarted.log()).contains("(1 events replayed)");
    }
  }

  @Test
  void a_second_process_on_the_same_data_directory_is_refused_with_one_line() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", work.resolve("data").toString());
    try (ServedService served = ServedService.start(work, env)) {
      CliProcess.Result second = CliProcess.run(work, env, "rebuild", "--all");
      assertThat(second.exitCode()).isEqualTo(Main.FAILURE);
      assertThat(second.errLines())
          .singleElement()
          .asString()
          .startsWith("error: the embedded store in")
          .contains("is in use by another process");
    }
  }
}
