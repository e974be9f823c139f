package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with authentication on: it starts even when Keycloak cannot be reached. */
class ServeWithAuthTest {

  @TempDir Path work;

  @Test
  void required_mode_starts_with_keycloak_unreachable_reports_degraded_auth_and_refuses_anonymous()
      throws Exception {
    Map<String, String> env =
        Map.of(
            "DATA_DIR",
            work.resolve("data").toString(),
            "AUTH_MODE",
            "required",
            "KEYCLOAK_URL",
            "http://127.0.0.1:" + ServedService.freePort());
    try (ServedService served = ServedService.start(work, env)) {
      JsonNode ready = Json.read(served.get("/health/ready").body());
      HttpResponse<String> anonymous =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + served.port() + "/graphql"))
                      .header("Content-Type", "application/json")
                      .header("X-Tenant-ID", ServeEmbeddedTest.TENANT)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"query\":\"{ reservationStats { totalReservations } }\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(ready.at("/checks/auth").asText()).isEqualTo("degraded");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .contains("Bearer realm=\"reservation-service\"");
      assertThat(served.log()).contains("AUTH_MODE=required").contains("cannot fetch keys from");
    }
  }

  @Test
  void auth_without_keycloak_url_is_refused_with_one_line() throws Exception {
    CliProcess.Result result =
        CliProcess.run(
            work,
            Map.of("DATA_DIR", work.resolve("data").toString(), "AUTH_MODE", "optional"),
            "serve",
            "--port",
            String.valueOf(ServedService.freePort()));

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines())
        .anySatisfy(
            line -> assertThat(line).startsWith("error: AUTH_MODE=optional needs KEYCLOAK_URL"));
  }
}
