package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Answers to a client that accepts gzip, as every browser does: a list of a user's reservations
 * comes back gzipped, and inflates to the very bytes a client without gzip gets.
 */
class CompressionTest {

  private static final String USER = "22222222-2222-4222-8222-222222222222";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void a_browser_gets_the_same_answer_gzipped() throws Exception {
    try (RunningApi api = RunningApi.inMemory()) {
      for (int i = 0; i < 12; i++) {
        api.createReservation(USER, "Z-" + i, "2026-12-01T09:30:00Z", 1, "5.0");
      }
      String body =
          RunningApi.JSON.writeValueAsString(
              Map.of(
                  "query",
                  ClientDocuments.GET_USER_RESERVATIONS,
                  "variables",
                  Map.of("userId", USER, "includeCompleted", false)));

      HttpResponse<byte[]> plain = post(api, body, false);
      HttpResponse<byte[]> zipped = post(api, body, true);

      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(new String(plain.body(), StandardCharsets.UTF_8))
          .startsWith("{\"data\":{\"reservationsByUser\":[")
          .contains("Z-11");
      assertThat(zipped.statusCode()).isEqualTo(200);
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(inflate(zipped.body())).isEqualTo(plain.body());
      assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
    }
  }

  private HttpResponse<byte[]> post(RunningApi api, String body, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri("/graphql"))
            .header("Content-Type", "application/json")
            .header("X-Tenant-ID", RunningApi.TENANT)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (gzip) {
      request.header("Accept-Encoding", "gzip, deflate, br, zstd");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] inflate(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }
}
