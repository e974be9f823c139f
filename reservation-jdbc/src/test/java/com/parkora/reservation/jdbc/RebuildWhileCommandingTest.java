package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReservationView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A rebuild and the commands of its tenant: the commands wait, nothing is lost, readers go on. */
class RebuildWhileCommandingTest {

  @RegisterExtension
  static final TestDatabase db = TestDatabase.perClass("rebuild_while_commanding");

  private final PostgresStorage storage = db.newStorage(8);
  private final ReservationService service = ReservationService.builder(storage).build();

  @Test
  void commands_that_commit_while_their_tenant_is_rebuilt_are_not_lost() throws Exception {
    TenantId tenant = new TenantId(UUID.randomUUID());
    String pending = book(tenant, "R-1", 1);
    for (int i = 2; i <= 50; i++) {
      book(tenant, "R-" + i, i);
    }
    CountDownLatch replayed = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Long> rebuild =
        CompletableFuture.supplyAsync(
            () ->
                storage.rebuild(
                    tenant,
                    new Projector(),
                    processed -> {
                      replayed.countDown();
                      awaitQuietly(finish);
                    }));
    assertThat(replayed.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<ReservationView> confirm =
        CompletableFuture.supplyAsync(() -> service.confirm(tenant, pending, "txn-during-rebuild"));
    CompletableFuture<ReservationView> create =
        CompletableFuture.supplyAsync(
            () ->
                service.create(
                    tenant, UUID.randomUUID().toString(), "R-new", start(99).toString(), 1, 1.0));
    assertThat(service.byId(tenant, pending))
        .as("readers see the old model meanwhile")
        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(ReservationStatus.PENDING));
    assertStillWaiting(confirm);
    assertStillWaiting(create);

    finish.countDown();
    assertThat(rebuild.get(30, TimeUnit.SECONDS)).isEqualTo(50);
    confirm.get(30, TimeUnit.SECONDS);
    UUID created = create.get(30, TimeUnit.SECONDS).id();

    assertThat(service.byId(tenant, pending))
        .hasValueSatisfying(
            r -> {
              assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
              assertThat(r.transactionId()).isEqualTo("txn-during-rebuild");
            });
    assertThat(service.byId(tenant, created.toString())).isPresent();
    assertThat(storage.eventCount(tenant)).isEqualTo(52);
    List<ReservationView> live = service.list(tenant, null, null, 500, 0);
    storage.rebuild(tenant, new Projector(), processed -> {});
    assertThat(service.list(tenant, null, null, 500, 0)).isEqualTo(live);
  }

  private String book(TenantId tenant, String spot, int hoursAhead) {
    return service
        .create(tenant, UUID.randomUUID().toString(), spot, start(hoursAhead).toString(), 1, 2.5)
        .id()
        .toString();
  }

  private static Instant start(int hoursAhead) {
    return Instant.now()
        .plus(Duration.ofDays(1))
        .truncatedTo(ChronoUnit.HOURS)
        .plus(Duration.ofHours(hoursAhead));
  }

  private static void assertStillWaiting(CompletableFuture<?> command) throws Exception {
    try {
      command.get(300, TimeUnit.MILLISECONDS);
      throw new AssertionError("the command finished while its tenant was being rebuilt");
    } catch (TimeoutException expected) {
      assertThat(command).isNotDone();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
