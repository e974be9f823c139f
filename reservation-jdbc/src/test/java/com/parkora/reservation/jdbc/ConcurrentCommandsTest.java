package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Racing commands against the real database: the constraints decide, never the timing. */
class ConcurrentCommandsTest {

  private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED =
      Map.of(
          ReservationStatus.PENDING,
              EnumSet.of(
                  ReservationStatus.PENDING,
                  ReservationStatus.CONFIRMED,
                  ReservationStatus.CANCELLED,
                  ReservationStatus.EXPIRED),
          ReservationStatus.CONFIRMED,
              EnumSet.of(ReservationStatus.COMPLETED, ReservationStatus.CANCELLED));

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("concurrent_commands");
  private static PostgresStorage storage;
  private static ReservationService service;

  /** The expiry sweep of an instance whose reservations are held for no time at all. */
  private static ReservationService sweeper;

  @BeforeAll
  static void createDatabase() {
    storage = db.newStorage(32);
    service = ReservationService.builder(storage).build();
    sweeper = ReservationService.builder(storage).pendingHold(Duration.ZERO).build();
  }

  @Test
  void of_32_threads_booking_one_slot_exactly_one_wins_and_the_rest_get_slot_unavailable() {
    TenantId tenant = new TenantId(UUID.randomUUID());
    String start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).toString();

    List<String> outcomes =
        race(
            32,
            i ->
                outcome(
                    () ->
                        service
                            .create(tenant, UUID.randomUUID().toString(), "A-12", start, 2, 7.5)
                            .id()
                            .toString()));

    assertThat(outcomes.stream().filter(o -> !o.equals("SLOT_UNAVAILABLE"))).hasSize(1);
    assertThat(outcomes).filteredOn("SLOT_UNAVAILABLE"::equals).hasSize(31);
    long rows = storage.inTransaction(tenant, uow -> uow.readModel().statusCounts().total());
    assertThat(rows).isEqualTo(1);
    EventCounts events = storage.inTransaction(tenant, uow -> uow.events().counts());
    assertThat(events.totalEvents()).isEqualTo(1);
    assertThat(events.totalAggregates()).isEqualTo(1);
  }

  @Test
  void
      of_16_threads_racing_transitions_on_one_reservation_the_versions_have_no_hole_and_every_step_is_legal() {
    TenantId tenant = new TenantId(UUID.randomUUID());
    for (int round = 0; round < 10; round++) {
      String start =
          Instant.now().plus(Duration.ofDays(2 + round)).truncatedTo(ChronoUnit.HOURS).toString();
      String id =
          service
              .create(tenant, UUID.randomUUID().toString(), "B-" + round, start, 1, 3.0)
              .id()
              .toString();

      List<String> outcomes = race(16, i -> outcome(() -> transition(tenant, id, i).toString()));

      assertThat(outcomes)
          .allSatisfy(
              o ->
                  assertThat(o)
                      .isIn("OK", ErrorCode.INVALID_STATE.name(), ErrorCode.CONFLICT.name()));
      List<StoredEvent> stream = service.events(tenant, id);
      assertThat(stream)
          .extracting(StoredEvent::version)
          .containsExactlyElementsOf(versionsUpTo(stream.size()));
      assertLegal(stream);
      ReservationStatus last = statusAfter(stream);
      assertThat(service.byId(tenant, id))
          .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(last));
    }
  }

  private static Object transition(TenantId tenant, String id, int thread) {
    return switch (thread % 4) {
      case 0 -> service.confirm(tenant, id, "txn-" + thread);
      case 1 -> service.cancel(tenant, id, "racing");
      case 2 -> service.complete(tenant, id);
      default -> sweeper.expireDue(tenant, 100);
    };
  }

  private static void assertLegal(List<StoredEvent> stream) {
    ReservationStatus status = null;
    for (StoredEvent event : stream) {
      ReservationStatus next = event.event().resultingStatus();
      if (status != null && next != null) {
        assertThat(ALLOWED.getOrDefault(status, Set.of()))
            .as("%s after %s", next, status)
            .contains(next);
      }
      status = next == null ? status : next;
    }
  }

  private static ReservationStatus statusAfter(List<StoredEvent> stream) {
    return stream.stream()
        .map(e -> e.event().resultingStatus())
        .filter(s -> s != null)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static List<Long> versionsUpTo(int n) {
    List<Long> versions = new ArrayList<>();
    for (long v = 1; v <= n; v++) {
      versions.add(v);
    }
    return versions;
  }

  private static String outcome(Callable<String> command) {
    try {
      command.call();
      return "OK";
    } catch (ReservationException e) {
      return e.code().name();
    } catch (Exception e) {
      throw new AssertionError("unexpected failure", e);
    }
  }

  /** Runs {@code threads} tasks released at the same instant; answers their results. */
  private static List<String> race(int threads, Function<Integer, String> task) {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.apply(index);
                }));
      }
      ready.await();
      go.countDown();
      return futures.stream().map(ConcurrentCommandsTest::join).collect(Collectors.toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String join(Future<String> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
