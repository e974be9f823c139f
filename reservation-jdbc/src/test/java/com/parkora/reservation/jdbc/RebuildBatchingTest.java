package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.contract.TestClock;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batch boundaries and folding never change what a rebuild produces. */
class RebuildBatchingTest {

  private static final TenantId TENANT = Fixtures.newTenant();

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("rebuild_batching");
  private static List<ReservationView> live;
  private static long events;

  @BeforeAll
  static void recordALongHistory() {
    TestClock clock = TestClock.at("2026-12-01T08:00:00Z");
    ReservationService service = ReservationService.builder(db.storage()).clock(clock).build();
    Random random = new Random(7);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      clock.advance(Duration.ofSeconds(1 + random.nextInt(600)));
      String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
      try {
        switch (ids.isEmpty() ? 0 : random.nextInt(7)) {
          case 0, 1 ->
              ids.add(
                  service
                      .create(
                          TENANT,
                          UUID.randomUUID().toString(),
                          "S-" + random.nextInt(40),
                          clock.instant().plus(Duration.ofHours(random.nextInt(8))).toString(),
                          1 + random.nextInt(3),
                          5.0)
                      .id()
                      .toString());
          case 2 -> service.confirm(TENANT, id, random.nextBoolean() ? "t-" + i : null);
          case 3 -> service.cancel(TENANT, id, "r");
          case 4 -> service.complete(TENANT, id);
          case 5 -> service.expireDue(TENANT, 10);
          default -> service.delete(TENANT, id);
        }
      } catch (ReservationException.InvalidState
          | ReservationException.SlotUnavailable
          | ReservationException.NotFound e) {
        // refused commands leave no trace
      }
    }
    live = rows();
    events = db.storage().eventCount(TENANT);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 50, 10_000})
  void a_rebuild_with_any_batch_size_reproduces_the_live_read_model(int batchEvents) {
    long replayed = db.storage().rebuild(TENANT, new Projector(), p -> {}, batchEvents);

    assertThat(replayed).isEqualTo(events).isGreaterThan(300);
    assertThat(rows()).isEqualTo(live).isNotEmpty();
  }

  @Test
  void progress_is_reported_per_batch_and_at_the_end() {
    List<Long> reported = new ArrayList<>();

    db.storage().rebuild(TENANT, new Projector(), reported::add, 100);

    assertThat(reported).isSorted().endsWith(events);
    assertThat(reported.getFirst()).isEqualTo(100);
  }

  private static List<ReservationView> rows() {
    return db.storage().inTransaction(TENANT, Fixtures::allRows);
  }
}
