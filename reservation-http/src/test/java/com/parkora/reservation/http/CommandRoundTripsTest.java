package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.jdbc.PostgresStorage;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the front end's commands cost in round trips to PostgreSQL, counted by the proxy between the
 * API's pool and the database: a create is two (BEGIN with the settings and its writes, then
 * COMMIT), a cancel three (BEGIN with the settings and the stream's load, the writes, COMMIT). The
 * pool has one connection, warmed by the same command just before; the least of a few tries is
 * taken, since the pool checks a connection idle for half a second with a round trip of its own.
 */
class CommandRoundTripsTest extends PostgresBehindProxy {

  private static final int TRIES = 5;

  CommandRoundTripsTest() {
    super("http_round_trips");
  }

  @Override
  PostgresStorage connect(String proxiedJdbcUrl) {
    return PostgresStorage.connect(withTestUser(proxiedJdbcUrl), 1, Duration.ofSeconds(5));
  }

  @Test
  void a_create_is_one_round_trip() {
    int[] spot = {0};
    create("RT-" + spot[0]++);

    assertThat(leastExchanges(() -> create("RT-" + spot[0]++))).isEqualTo(1);
  }

  @Test
  void a_cancel_is_two_round_trips() {
    cancel(create("RT-C-0"));
    int[] spot = {1};

    assertThat(
            leastExchanges(
                () -> {
                  String id = create("RT-C-" + spot[0]++);
                  proxy.resetExchanges();
                  return cancel(id);
                }))
        .isEqualTo(2);
  }

  /** The fewest exchanges through the proxy that {@code command} made in {@value #TRIES} tries. */
  private long leastExchanges(Supplier<String> command) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < TRIES; i++) {
      proxy.resetExchanges();
      command.get();
      least = Math.min(least, proxy.exchanges());
    }
    return least;
  }

  private String create(String spot) {
    RunningApi.Answer created =
        api.graphQl(ClientDocuments.CREATE_RESERVATION, ClientDocuments.oneHourOf(spot));
    JsonNode json = created.json();
    assertThat(json.has("errors")).as(created.body()).isFalse();
    return json.path("data").path("createReservation").path("id").asText();
  }

  private String cancel(String id) {
    RunningApi.Answer cancelled =
        api.graphQl(ClientDocuments.CANCEL_RESERVATION, Map.of("id", id, "reason", "plans"));
    JsonNode json = cancelled.json();
    assertThat(json.has("errors")).as(cancelled.body()).isFalse();
    assertThat(json.path("data").path("cancelReservation").path("status").asText())
        .isEqualTo("CANCELLED");
    return id;
  }
}
