package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.Idempotency;
import com.parkora.reservation.contract.IdempotencyContract;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys in {@code idempotency_keys}, under row security, purged by several instances at once. */
class PostgresIdempotencyTest extends IdempotencyContract {

  @RegisterExtension final TestDatabase db = TestDatabase.perTest("idempotency");

  @Override
  protected Storage newStorage() {
    return db.storage();
  }

  @Test
  void a_tenant_sees_no_other_tenants_keys() {
    Idempotency keys = service.idempotency();
    claimed(keys, key("shared"), "fp-a");

    TenantId other = new TenantId(UUID.randomUUID());
    Claim theirs = keys.begin(new IdempotencyKey(other, "anonymous", "shared"), "fp-b");

    assertThat(theirs).isInstanceOf(Claim.Claimed.class);
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void two_instances_purge_the_same_expired_keys_side_by_side_without_error() throws Exception {
    int count = 700;
    Idempotency keys = service.idempotency();
    for (int i = 0; i < count; i++) {
      claimed(keys, key("old-" + i), "fp");
    }
    clock.advance(TTL.plusMinutes(1));
    List<Idempotency> instances = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      instances.add(service(db.newStorage(4)).idempotency());
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> purged = new ArrayList<>();
      for (Idempotency instance : instances) {
        purged.add(
            pool.submit(
                () -> {
                  go.await();
                  return instance.purgeExpired();
                }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> each : purged) {
        total += each.get();
      }

      assertThat(total).isEqualTo(count);
      assertThat(rows()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Rows of every tenant, counted as the database owner. */
  private long rows() {
    return db.jdbi()
        .withHandle(h -> h.select("SELECT count(*) FROM idempotency_keys").mapTo(Long.class).one());
  }
}
