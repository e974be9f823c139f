package com.parkora.reservation.jdbc;

import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Read-model writes folded per reservation (a rebuild folds one reservation's events at a time): a
 * row created among them is inserted once in its final state, rows created earlier get one merged
 * update, and a row created and deleted among them is never written. Applied as deletes, then
 * updates, then inserts, they leave the same rows as applying the writes one by one (a reservation
 * deleted and created again is deleted before it is inserted).
 */
final class FoldedWrites {

  private final Map<UUID, ReservationView> inserts = new LinkedHashMap<>();
  private final Map<UUID, ReadModelWrite.Update> updates = new LinkedHashMap<>();
  private final Set<UUID> deletes = new LinkedHashSet<>();

  void add(ReadModelWrite write) {
    switch (write) {
      case ReadModelWrite.Insert insert -> insert(insert.row());
      case ReadModelWrite.Update update -> update(update);
      case ReadModelWrite.Delete delete -> delete(delete.id());
    }
  }

  private void insert(ReservationView row) {
    if (inserts.putIfAbsent(row.id(), row) != null) {
      throw new IllegalStateException("read model already has reservation " + row.id());
    }
  }

  private void update(ReadModelWrite.Update update) {
    ReservationView created = inserts.get(update.id());
    if (created != null) {
      inserts.put(
          update.id(),
          created.with(
              update.status() == null ? created.status() : update.status(),
              update.transactionId() == null ? created.transactionId() : update.transactionId(),
              update.updatedAt()));
      return;
    }
    if (deletes.contains(update.id())) {
      return;
    }
    updates.merge(
        update.id(),
        update,
        (earlier, later) ->
            new ReadModelWrite.Update(
                later.id(),
                later.status() == null ? earlier.status() : later.status(),
                later.transactionId() == null ? earlier.transactionId() : later.transactionId(),
                later.updatedAt()));
  }

  private void delete(UUID id) {
    if (inserts.remove(id) != null) {
      return;
    }
    updates.remove(id);
    deletes.add(id);
  }

  boolean isEmpty() {
    return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
  }

  Collection<ReservationView> inserts() {
    return inserts.values();
  }

  Collection<ReadModelWrite.Update> updates() {
    return updates.values();
  }

  Collection<UUID> deletes() {
    return deletes;
  }

  void clear() {
    inserts.clear();
    updates.clear();
    deletes.clear();
  }
}
