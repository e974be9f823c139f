package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.testing.Polling;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One holder of a feed consumer's lease at a time; a holder that lost it cannot save. */
class FeedLeaseTest {

  private static TestDatabase db;
  private static PostgresStorage storage;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.create("feed_lease");
    storage = db.storage();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void a_held_lease_is_refused_to_another_instance_until_released() {
    String consumer = "relay-" + UUID.randomUUID();
    FeedLease first = storage.feedLease(consumer, "first", Duration.ofMinutes(1));
    FeedLease second = storage.feedLease(consumer, "second", Duration.ofMinutes(1));

    long epoch = first.acquire().orElseThrow();
    assertThat(second.acquire()).isEmpty();
    assertThat(first.renew(epoch)).isTrue();
    assertThat(second.acquire()).isEmpty();

    first.release(epoch);
    OptionalLong taken = second.acquire();
    assertThat(taken).hasValue(epoch + 1);
    assertThat(first.renew(epoch)).isFalse();
  }

  @Test
  void a_consumer_resumes_from_the_checkpoint_its_last_holder_saved() {
    String consumer = "relay-" + UUID.randomUUID();
    FeedLease first = storage.feedLease(consumer, "first", Duration.ofMinutes(1));
    long epoch = first.acquire().orElseThrow();
    assertThat(first.checkpoint()).isEqualTo(FeedPosition.START);
    assertThat(first.saveCheckpoint(epoch, new FeedPosition(1234, 56))).isTrue();
    assertThat(first.saveCheckpoint(epoch, new FeedPosition(1240, 57))).isTrue();
    first.release(epoch);

    FeedLease next = storage.feedLease(consumer, "next", Duration.ofMinutes(1));
    next.acquire().orElseThrow();
    assertThat(next.checkpoint()).isEqualTo(new FeedPosition(1240, 57));
  }

  @Test
  void an_expired_lease_is_taken_over_and_its_old_holder_can_no_longer_move_the_checkpoint()
      throws Exception {
    String consumer = "relay-" + UUID.randomUUID();
    FeedLease stale = storage.feedLease(consumer, "stale", Duration.ofMillis(200));
    FeedLease fresh = storage.feedLease(consumer, "fresh", Duration.ofMinutes(1));
    long old = stale.acquire().orElseThrow();
    assertThat(stale.saveCheckpoint(old, new FeedPosition(10, 1))).isTrue();

    long current =
        Polling.await("the fresh holder to take the expired lease")
            .until(fresh::acquire, OptionalLong::isPresent)
            .getAsLong();
    assertThat(current).isGreaterThan(old);
    assertThat(fresh.checkpoint()).isEqualTo(new FeedPosition(10, 1));

    assertThat(stale.saveCheckpoint(old, new FeedPosition(99, 9))).isFalse();
    assertThat(stale.renew(old)).isFalse();
    assertThat(fresh.checkpoint()).isEqualTo(new FeedPosition(10, 1));
    assertThat(fresh.saveCheckpoint(current, new FeedPosition(12, 2))).isTrue();
    assertThat(stale.checkpoint()).isEqualTo(new FeedPosition(12, 2));
  }

  @Test
  void each_append_notifies_listeners_once_it_commits() throws Exception {
    try (var signal = storage.newCommitSignal()) {
      signal.await(Duration.ofMillis(1));
      var tenant = com.parkora.reservation.contract.Fixtures.newTenant();
      var reservations = com.parkora.reservation.app.ReservationService.builder(storage).build();
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () ->
                      reservations.create(
                          tenant,
                          UUID.randomUUID().toString(),
                          "N-1",
                          "2031-05-01T09:00:00Z",
                          1,
                          5.0));
      writer.join();
      long waited = System.nanoTime();
      signal.await(Duration.ofMinutes(1));
      assertThat(Duration.ofNanos(System.nanoTime() - waited))
          .as("woken by the commit, not by the timeout")
          .isLessThan(Duration.ofSeconds(30));
    }
  }
}
