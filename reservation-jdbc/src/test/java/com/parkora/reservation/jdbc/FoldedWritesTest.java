package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Folding a batch and applying deletes, updates, inserts equals applying the writes one by one. */
class FoldedWritesTest {

  private static final TenantId TENANT = new TenantId(UUID.randomUUID());
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void a_folded_batch_leaves_the_same_rows_as_its_writes_applied_in_order() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(UUID.randomUUID());
      }
      Map<UUID, ReservationView> before = new HashMap<>();
      ids.stream().filter(id -> random.nextBoolean()).forEach(id -> before.put(id, row(id, 0)));

      Map<UUID, ReservationView> oneByOne = new HashMap<>(before);
      FoldedWrites folded = new FoldedWrites();
      for (int step = 1; step <= 1 + random.nextInt(8); step++) {
        ReadModelWrite write = randomWrite(random, ids, oneByOne, step);
        applyInOrder(oneByOne, write);
        folded.add(write);
      }

      assertThat(applyFolded(new HashMap<>(before), folded))
          .as("round %d", round)
          .isEqualTo(oneByOne);
    }
  }

  private static ReadModelWrite randomWrite(
      Random random, List<UUID> ids, Map<UUID, ReservationView> current, int step) {
    UUID id = ids.get(random.nextInt(ids.size()));
    if (!current.containsKey(id) && random.nextInt(3) > 0) {
      return new ReadModelWrite.Insert(row(id, step));
    }
    return switch (random.nextInt(3)) {
      case 0 -> new ReadModelWrite.Delete(id);
      case 1 ->
          new ReadModelWrite.Update(
              id,
              ReservationStatus.CONFIRMED,
              random.nextBoolean() ? "t" + step : null,
              T0.plusSeconds(step));
      default -> new ReadModelWrite.Update(id, null, null, T0.plusSeconds(step));
    };
  }

  private static void applyInOrder(Map<UUID, ReservationView> rows, ReadModelWrite write) {
    switch (write) {
      case ReadModelWrite.Insert insert -> rows.put(insert.id(), insert.row());
      case ReadModelWrite.Update update ->
          rows.computeIfPresent(update.id(), (id, r) -> updated(r, update));
      case ReadModelWrite.Delete delete -> rows.remove(delete.id());
    }
  }

  private static Map<UUID, ReservationView> applyFolded(
      Map<UUID, ReservationView> rows, FoldedWrites folded) {
    folded.deletes().forEach(rows::remove);
    folded.updates().forEach(u -> rows.computeIfPresent(u.id(), (id, r) -> updated(r, u)));
    folded.inserts().forEach(r -> rows.put(r.id(), r));
    return rows;
  }

  private static ReservationView updated(ReservationView row, ReadModelWrite.Update update) {
    return row.with(
        update.status() == null ? row.status() : update.status(),
        update.transactionId() == null ? row.transactionId() : update.transactionId(),
        update.updatedAt());
  }

  private static ReservationView row(UUID id, int step) {
    return new ReservationView(
        id,
        TENANT,
        UUID.randomUUID(),
        "S-1",
        T0,
        T0.plusSeconds(3600),
        1,
        BigDecimal.ONE,
        ReservationStatus.PENDING,
        null,
        T0.plusSeconds(step),
        T0.plusSeconds(step));
  }
}
