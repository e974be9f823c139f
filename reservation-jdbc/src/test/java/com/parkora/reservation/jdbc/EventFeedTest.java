package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.contract.Latches;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.testing.Polling;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feed never skips an event whose transaction commits after later ones. */
class EventFeedTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("event_feed");
  private static PostgresStorage storage;

  @BeforeAll
  static void createDatabase() {
    storage = db.newStorage(12);
  }

  @Test
  void an_event_committed_late_is_delivered_before_the_later_events_that_committed_first()
      throws Exception {
    TenantId tenant = Fixtures.newTenant();
    CountDownLatch appended = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    UUID early = UUID.randomUUID();
    CompletableFuture<Void> held =
        CompletableFuture.runAsync(
            () ->
                storage.inTransaction(
                    tenant,
                    uow -> {
                      record(uow, early, tenant);
                      // a read sends the writes a store may keep until the commit
                      assertThat(uow.events().load(early)).hasSize(1);
                      appended.countDown();
                      Latches.await(
                          release, PATIENCE, "the test did not release the held transaction");
                      return null;
                    }));
    Latches.await(appended, PATIENCE, "the held transaction did not append");
    UUID late = UUID.randomUUID();
    storage.inTransaction(tenant, uow -> record(uow, late, tenant));

    assertThat(read(tenant)).as("nothing after a transaction still open").isEmpty();

    release.countDown();
    held.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(readUntil(tenant, 2))
        .extracting(e -> e.event().aggregateId())
        .containsExactly(early, late);
  }

  @Test
  void
      a_follower_sees_every_event_of_8_racing_writers_exactly_once_and_each_writer_in_its_commit_order()
          throws Exception {
    TenantId tenant = Fixtures.newTenant();
    int writers = 8;
    int perWriter = 15;
    List<List<UUID>> committed = new ArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<FeedEvent> seen = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers + 1)) {
      var follower = pool.submit(() -> follow(tenant, writers * perWriter, seen, writing));
      List<java.util.concurrent.Future<List<UUID>>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        work.add(pool.submit(() -> write(tenant, perWriter)));
      }
      for (var writer : work) {
        committed.add(writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      }
      writing.set(false);
      follower.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    List<UUID> order = seen.stream().map(e -> e.event().aggregateId()).toList();
    assertThat(new HashSet<>(order)).hasSize(order.size());
    assertThat(order)
        .containsExactlyInAnyOrderElementsOf(committed.stream().flatMap(List::stream).toList());
    for (List<UUID> ofOneWriter : committed) {
      assertThat(order.stream().filter(ofOneWriter::contains).toList())
          .containsExactlyElementsOf(ofOneWriter);
    }
    assertThat(seen).extracting(FeedEvent::feedPosition).isSorted();
  }

  private static List<UUID> write(TenantId tenant, int transactions) {
    List<UUID> mine = new ArrayList<>();
    for (int i = 0; i < transactions; i++) {
      UUID id = UUID.randomUUID();
      storage.inTransaction(
          tenant,
          uow -> {
            record(uow, id, tenant);
            sleep(ThreadLocalRandom.current().nextInt(25));
            return null;
          });
      mine.add(id);
    }
    return mine;
  }

  private static Void follow(
      TenantId tenant, int expected, List<FeedEvent> seen, AtomicBoolean writing) {
    FeedPosition after = FeedPosition.START;
    Instant deadline = Instant.now().plus(PATIENCE);
    while (seen.size() < expected && Instant.now().isBefore(deadline)) {
      List<FeedEvent> page = storage.feed().readAfter(after, 7, Optional.of(tenant));
      seen.addAll(page);
      after = page.isEmpty() ? after : page.getLast().feedPosition();
      if (page.isEmpty()) {
        sleep(writing.get() ? 2 : 20);
      }
    }
    return null;
  }

  private static Object record(
      com.parkora.reservation.port.UnitOfWork uow, UUID id, TenantId tenant) {
    ReservationEvent created = Fixtures.created(tenant, id, "F-" + id, Fixtures.T0, 1);
    uow.record(id, 0, List.of(Fixtures.newEvent(created)));
    return null;
  }

  private static List<FeedEvent> read(TenantId tenant) {
    return storage.feed().readAfter(FeedPosition.START, 100, Optional.of(tenant));
  }

  private static List<FeedEvent> readUntil(TenantId tenant, int count) {
    return Polling.await("the tenant's feed to hold " + count + " events")
        .until(() -> read(tenant), events -> events.size() >= count);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
