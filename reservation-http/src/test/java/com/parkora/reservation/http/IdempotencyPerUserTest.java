package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.InMemoryStorage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key is scoped to the caller: another user's same key is another operation. */
class IdempotencyPerUserTest {

  @AutoClose private final LocalRealm realm = new LocalRealm();
  @AutoClose private RunningApi api;

  @BeforeEach
  void start() {
    ReservationService service =
        ReservationService.builder(new InMemoryStorage()).clock(RunningApi.CLOCK).build();
    api =
        RunningApi.start(
            service,
            HttpSettings.builder()
                .authMode(AuthMode.OPTIONAL)
                .callerResolver(realm.verifier())
                .build());
  }

  private RunningApi.Answer book(String user, String spot) {
    Map<String, Object> variables = IdempotencyContract.booking(spot, 3.6);
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) variables.get("input");
    input.put("userId", user);
    return api.graphQl(
        IdempotencyContract.CREATE,
        variables,
        Map.of(
            "X-Tenant-ID",
            RunningApi.TENANT,
            "Authorization",
            "Bearer " + realm.token(user),
            KeyedRequests.HEADER,
            "same-key"));
  }

  @Test
  void two_users_sending_one_key_each_get_their_own_booking() {
    String alice = UUID.randomUUID().toString();
    String bob = UUID.randomUUID().toString();

    RunningApi.Answer hers = book(alice, "U-1");
    RunningApi.Answer his = book(bob, "U-2");
    RunningApi.Answer hersAgain = book(alice, "U-1");

    assertThat(hers.json().has("errors")).as(hers.body()).isFalse();
    assertThat(his.json().has("errors")).as(his.body()).isFalse();
    assertThat(his.header(KeyedRequests.REPLAYED)).isNull();
    assertThat(hersAgain.header(KeyedRequests.REPLAYED)).isEqualTo("true");
    assertThat(hersAgain.body()).isEqualTo(hers.body());
    assertThat(
            api.service
                .eventStats(TenantId.parse(RunningApi.TENANT))
                .byType()
                .get(EventType.RESERVATION_CREATED))
        .isEqualTo(2);
  }
}
