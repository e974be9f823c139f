package com.parkora.reservation.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.CheckpointFile;
import com.parkora.reservation.memory.InMemoryStorage;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.EventPublisher;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.testing.Polling;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's rules on the in-memory store: order, confirm before checkpoint, retry, resume. */
class FeedRelayTest {

  private static final RelaySettings FAST =
      new RelaySettings(
          3,
          Duration.ofMillis(50),
          Duration.ofMillis(50),
          Duration.ofMillis(50),
          Duration.ofMillis(10),
          Duration.ofMillis(40));

  @TempDir Path dir;

  private final InMemoryStorage storage = new InMemoryStorage();
  private final ReservationService service = ReservationService.builder(storage).build();
  private final TenantId tenant = Fixtures.newTenant();

  @Test
  void events_are_published_in_commit_order_and_the_checkpoint_waits_for_the_confirms()
      throws Exception {
    List<StoredEvent> confirmed = new ArrayList<>();
    AtomicBoolean brokerAway = new AtomicBoolean(true);
    EventPublisher failingWhileAway =
        new EventPublisher() {
          @Override
          public void publish(StoredEvent event) {
            publishAll(List.of(event));
          }

          @Override
          public void publishAll(List<StoredEvent> events) {
            if (brokerAway.get()) {
              throw new IllegalStateException("broker away");
            }
            synchronized (confirmed) {
              confirmed.addAll(events);
            }
          }
        };
    CheckpointFile lease = new CheckpointFile(dir.resolve("relay.checkpoint"));
    for (int i = 0; i < 4; i++) {
      book();
    }

    try (CommitSignal signal = storage.newCommitSignal();
        FeedRelay relay = start(signal, failingWhileAway, lease)) {
      Polling.await("a failed page").until(() -> relay.stats().failed() > 0);
      assertThat(lease.checkpoint()).isEqualTo(FeedPosition.START);
      brokerAway.set(false);
      Polling.await("eight events published").until(() -> relay.stats().published() == 8);
      book();
      Polling.await("ten events published").until(() -> relay.stats().published() == 10);
      assertThat(relay.stats().leaseHeld()).isTrue();
    }

    List<Long> positions = confirmed.stream().map(StoredEvent::position).toList();
    assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(lease.checkpoint().position()).isEqualTo(10);
  }

  @Test
  void a_new_relay_resumes_after_the_checkpoint_it_finds_in_the_file() throws Exception {
    Path file = dir.resolve("resume.checkpoint");
    List<StoredEvent> first = new ArrayList<>();
    book();
    try (CommitSignal signal = storage.newCommitSignal();
        FeedRelay relay = start(signal, recordingInto(first), new CheckpointFile(file))) {
      Polling.await("two events published").until(() -> relay.stats().published() == 2);
    }
    book();

    List<StoredEvent> second = new ArrayList<>();
    try (CommitSignal signal = storage.newCommitSignal();
        FeedRelay relay = start(signal, recordingInto(second), new CheckpointFile(file))) {
      Polling.await("two events published").until(() -> relay.stats().published() == 2);
    }
    assertThat(first).extracting(StoredEvent::position).containsExactly(1L, 2L);
    assertThat(second).extracting(StoredEvent::position).containsExactly(3L, 4L);
  }

  private FeedRelay start(CommitSignal signal, EventPublisher publisher, CheckpointFile lease) {
    return FeedRelay.start(
        new FeedReader(storage.feed(), signal, FAST.pageSize(), FAST.pollInterval()),
        publisher,
        lease,
        FAST,
        Clock.systemUTC());
  }

  private static EventPublisher recordingInto(List<StoredEvent> into) {
    return event -> {
      synchronized (into) {
        into.add(event);
      }
    };
  }

  /** Creates and confirms a reservation: two events. */
  private void book() {
    String id =
        service
            .create(
                tenant,
                UUID.randomUUID().toString(),
                "S-" + UUID.randomUUID(),
                "2031-05-01T09:00:00Z",
                1,
                5.0)
            .id()
            .toString();
    service.confirm(tenant, id, "txn-" + id);
  }
}
