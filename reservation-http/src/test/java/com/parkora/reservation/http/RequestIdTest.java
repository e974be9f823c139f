package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code X-Request-ID}: kept when sane, generated otherwise, echoed always, in the logs. */
class RequestIdTest {

  @Test
  void a_request_without_an_id_gets_a_fresh_uuid_on_every_path() {
    try (RunningApi api = RunningApi.inMemory()) {
      for (String path : new String[] {"/health/live", "/stats", "/no-such-path"}) {
        String id = api.get(path, Map.of()).header(RequestIds.HEADER);

        assertThat(id).as(path).isNotNull();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
      }
      String first = api.graphQl("{ __typename }", Map.of()).header(RequestIds.HEADER);
      String second = api.graphQl("{ __typename }", Map.of()).header(RequestIds.HEADER);
      assertThat(first).isNotEqualTo(second);
    }
  }

  @Test
  void a_sane_id_is_echoed_and_an_insane_one_replaced() {
    try (RunningApi api = RunningApi.inMemory()) {
      RunningApi.Answer kept =
          api.graphQl("{ __typename }", Map.of(), Map.of(RequestIds.HEADER, "req-42.a:b_c"));
      RunningApi.Answer replaced =
          api.get("/health/live", Map.of(RequestIds.HEADER, "x".repeat(129)));
      RunningApi.Answer spaced = api.get("/health/live", Map.of(RequestIds.HEADER, "a b"));

      assertThat(kept.header(RequestIds.HEADER)).isEqualTo("req-42.a:b_c");
      assertThat(UUID.fromString(replaced.header(RequestIds.HEADER))).isNotNull();
      assertThat(UUID.fromString(spaced.header(RequestIds.HEADER))).isNotNull();
    }
  }

  @Test
  void the_id_is_echoed_on_refusals_and_is_in_the_log_lines_of_its_request() {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
    logged.start();
    logger.addAppender(logged);
    try (RunningApi api =
        RunningApi.start(
            RunningApi.service(FailingStorage.of(() -> new IllegalStateException("boom"))),
            HttpSettings.defaults())) {
      RunningApi.Answer failed =
          api.get("/stats", Map.of("X-Tenant-ID", RunningApi.TENANT, RequestIds.HEADER, "trace-7"));
      RunningApi.Answer missingTenant = api.get("/stats", Map.of(RequestIds.HEADER, "trace-8"));

      assertThat(failed.status()).isEqualTo(500);
      assertThat(failed.header(RequestIds.HEADER)).isEqualTo("trace-7");
      assertThat(missingTenant.header(RequestIds.HEADER)).isEqualTo("trace-8");
      assertThat(logged.list)
          .anySatisfy(
              event -> {
                assertThat(event.getMessage()).isEqualTo("Unexpected failure");
                assertThat(event.getMDCPropertyMap()).containsEntry(RequestIds.LOG_KEY, "trace-7");
              });
    } finally {
      logger.detachAppender(logged);
    }
  }
}
