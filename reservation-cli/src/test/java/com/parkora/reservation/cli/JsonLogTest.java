package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LOG_FORMAT=json}: every line {@code serve} logs is one JSON object, and the lines written
 * while a request is handled carry that request's id, tenant, acting user, operation and outcome,
 * with the stack trace as one string field.
 */
class JsonLogTest {

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @TempDir Path work;

  @Test
  void each_line_is_one_json_object_carrying_the_id_of_its_own_request() throws Exception {
    // Nothing listens on the parking port: a create cannot check its spot and is refused with
    // DEPENDENCY_UNAVAILABLE, which the service logs as an error with its cause.
    Map<String, String> env =
        Map.of(
            "LOG_FORMAT",
            "json",
            "DATA_DIR",
            work.resolve("data").toString(),
            "PARKING_SERVICE_URL",
            "http://127.0.0.1:" + ServedService.freePort(),
            "PARKING_SERVICE_TIMEOUT",
            "2");
    String log;
    List<String> jvm = List.of("-Dlogback.configurationFile=" + productionConfig());
    try (ServedService served = ServedService.start(work, env, jvm)) {
      assertThat(create(served, "log-check-1", "FirstBooking")).contains("DEPENDENCY_UNAVAILABLE");
      assertThat(create(served, "log-check-2", "SecondBooking")).contains("DEPENDENCY_UNAVAILABLE");
      assertThat(served.terminate()).isZero();
      log = served.log();
    }

    List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
    List<JsonNode> entries = lines.stream().map(JsonLogTest::object).toList();
    assertThat(entries)
        .hasSizeGreaterThan(5)
        .allSatisfy(
            entry -> {
              assertThat(entry.path("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.+");
              assertThat(entry.path("level").asText()).isIn("DEBUG", "INFO", "WARN", "ERROR");
              assertThat(entry.path("logger_name").asText()).isNotEmpty();
              assertThat(entry.has("message")).isTrue();
            });
    assertThat(entries)
        .anySatisfy(entry -> assertThat(entry.path("message").asText()).startsWith("ready on"));

    // The first create meets the refused connection (the cause, with its stack trace); the second
    // is answered from the failure remembered for a few seconds, which has no cause.
    assertRequestLines(entries, "log-check-1", "FirstBooking", true);
    assertRequestLines(entries, "log-check-2", "SecondBooking", false);
  }

  @Test
  void a_command_that_fails_reports_its_one_error_line_as_a_json_object() throws Exception {
    Process process =
        CliProcess.builder(
                work,
                Map.of("LOG_FORMAT", "json", "DATA_DIR", work.resolve("data").toString()),
                List.of("-Dlogback.configurationFile=" + productionConfig()),
                "rebuild",
                "--tenant",
                "not-a-uuid")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).isEqualTo(Main.USAGE);
    assertThat(output.lines().filter(line -> !line.isBlank()).map(JsonLogTest::object).toList())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.path("level").asText()).isEqualTo("ERROR");
              assertThat(entry.path("message").asText())
                  .startsWith("error: ")
                  .contains("not-a-uuid")
                  .endsWith("(see 'reservation rebuild --help')");
            });
  }

  /** The jar's own logback.xml (the test classpath also holds test jars' logback-test.xml). */
  private static String productionConfig() {
    return JsonLogTest.class.getClassLoader().getResource("logback.xml").toString();
  }

  private static void assertRequestLines(
      List<JsonNode> entries, String requestId, String name, boolean withCause) {
    List<JsonNode> ofRequest =
        entries.stream().filter(e -> e.path("request_id").asText().equals(requestId)).toList();
    assertThat(ofRequest).as("lines of request %s", requestId).isNotEmpty();
    assertThat(ofRequest)
        .allSatisfy(
            entry -> {
              assertThat(entry.path("operation").asText()).isEqualTo(name);
              assertThat(entry.path("tenant_id").asText()).isEqualTo(ServeEmbeddedTest.TENANT);
              assertThat(entry.path("user").asText()).isEqualTo("anonymous");
            });
    assertThat(ofRequest)
        .anySatisfy(
            entry -> {
              assertThat(entry.path("level").asText()).isEqualTo("ERROR");
              assertThat(entry.path("outcome").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
              if (withCause) {
                assertThat(entry.path("stack_trace").isTextual()).isTrue();
                assertThat(entry.path("stack_trace").asText())
                    .contains("java.net.ConnectException")
                    .contains("\n\tat ");
              }
            });
  }

  private static JsonNode object(String line) {
    try {
      JsonNode node = STRICT.readTree(line);
      assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
      return node;
    } catch (IOException e) {
      throw new AssertionError("a log line that is not one JSON object: " + line, e);
    }
  }

  private static String create(ServedService served, String requestId, String operationName)
      throws IOException, InterruptedException {
    String document = "mutation " + operationName + " " + ServeEmbeddedTest.CREATE.substring(9);
    String body =
        "{\"query\":"
            + Json.quote(document)
            + ",\"operationName\":"
            + Json.quote(operationName)
            + "}";
    return served
        .send(
            served
                .graphQlRequest(ServeEmbeddedTest.TENANT, body)
                .header("X-Request-ID", requestId)
                .build())
        .body();
  }
}
