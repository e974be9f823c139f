package com.parkora.reservation.memory;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.port.UnitOfWork;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Storage in memory with the semantics of the PostgreSQL store: tenants apart, versions checked, no
 * overlapping active reservations, all-or-nothing units of work. Units of work run one at a time (a
 * single lock), which makes every check exact. For embedding, unit tests and, with a {@link
 * Journal}, the embedded store of {@code serve}.
 */
public final class InMemoryStorage implements Storage {

  private final StoreLock lock = new StoreLock();
  private final MemoryState state = new MemoryState(new MemoryRefunds(lock));
  private final MemoryFeed feed = new MemoryFeed(lock, state);
  private final List<MemoryCommitSignal> signals = new CopyOnWriteArrayList<>();
  private final CommitLog onCommit;
  private long commits;

  /** Written before each unit of work commits, in commit order; if it throws, it rolls back. */
  @FunctionalInterface
  interface CommitLog {
    /** The events a unit of work appended (maybe none) and the answer it kept (maybe null). */
    void write(List<StoredEvent> events, KeptAnswer answer);
  }

  public InMemoryStorage() {
    this((events, answer) -> {});
  }

  /**
   * @param onCommit called with the events of each unit of work that appended some before it
   *     commits, in commit order; if it throws, the unit of work is rolled back
   */
  public InMemoryStorage(Consumer<List<StoredEvent>> onCommit) {
    this(
        (events, answer) -> {
          if (!events.isEmpty()) {
            onCommit.accept(events);
          }
        });
  }

  InMemoryStorage(CommitLog onCommit) {
    this.onCommit = onCommit;
  }

  @Override
  public <T> T inTransaction(TenantId tenant, Function<UnitOfWork, T> work) {
    boolean[] appended = {false};
    try {
      return locked(
          () -> {
            MemoryTransaction transaction = new MemoryTransaction(tenant, state, commits + 1);
            MemoryAnswerLog answers = new MemoryAnswerLog(state.keys());
            try {
              T result =
                  work.apply(
                      new UnitOfWork(tenant, transaction, transaction, transaction, answers));
              if (!transaction.appended().isEmpty() || answers.kept() != null) {
                onCommit.write(transaction.appended(), answers.kept());
                commits++;
                appended[0] = !transaction.appended().isEmpty();
              }
              return result;
            } catch (RuntimeException | Error failure) {
              answers.rollback();
              transaction.rollback();
              throw failure;
            }
          });
    } finally {
      if (appended[0]) {
        signals.forEach(MemoryCommitSignal::raise);
      }
    }
  }

  /**
   * Restores one commit read back from a journal, its events of one tenant in order: imported and
   * projected in one unit of work, not journaled again.
   */
  void inTransactionReplaying(List<StoredEvent> commit, KeptAnswer answer) {
    locked(
        () -> {
          if (answer != null) {
            state.keys().restore(answer);
          }
          if (commit.isEmpty()) {
            return 0;
          }
          TenantId tenant = commit.getFirst().tenantId();
          MemoryTransaction transaction = new MemoryTransaction(tenant, state, ++commits);
          try {
            UnitOfWork work = transaction.unitOfWork();
            commit.forEach(work::importEvent);
            return commit.size();
          } catch (RuntimeException failure) {
            transaction.rollback();
            throw failure;
          }
        });
  }

  @Override
  public long rebuild(TenantId tenant, Projector projector, RebuildProgress progress) {
    return locked(
        () -> {
          TenantRows before = state.rowsOf(tenant);
          state.replaceRows(tenant, new TenantRows());
          MemoryTransaction transaction = new MemoryTransaction(tenant, state, commits);
          long processed = 0;
          try {
            for (StoredEvent event : state.eventsOf(tenant)) {
              transaction.apply(projector.project(event.event()));
              processed++;
              if (processed % 1000 == 0) {
                progress.eventsProcessed(processed);
              }
            }
          } catch (RuntimeException failure) {
            state.replaceRows(tenant, before);
            throw failure;
          }
          progress.eventsProcessed(processed);
          TenantRows after = state.rowsOf(tenant);
          progress.rowsChanged(notIn(before, after), notIn(after, before));
          return processed;
        });
  }

  /** How many of the rows of {@code rows} {@code other} does not hold as they are. */
  private static long notIn(TenantRows rows, TenantRows other) {
    return rows.newestFirst().filter(row -> !row.equals(other.get(row.id()))).count();
  }

  @Override
  public List<TenantId> tenants() {
    return locked(
        () -> {
          LinkedHashSet<TenantId> seen = new LinkedHashSet<>();
          state.log().forEach(e -> seen.add(e.event().tenantId()));
          return List.copyOf(seen);
        });
  }

  @Override
  public Optional<TenantId> tenantOf(UUID reservationId) {
    return locked(
        () -> state.stream(reservationId).stream().findFirst().map(StoredEvent::tenantId));
  }

  @Override
  public long eventCount(TenantId tenant) {
    return locked(() -> (long) state.eventsOf(tenant).size());
  }

  @Override
  public EventFeed feed() {
    return feed;
  }

  @Override
  public RefundQueue refunds() {
    return state.refunds();
  }

  @Override
  public IdempotencyStore idempotency() {
    return new MemoryIdempotency(state.keys(), onCommit, lock);
  }

  /** A signal raised after every commit that appended events; close it when done. */
  public CommitSignal newCommitSignal() {
    MemoryCommitSignal[] created = new MemoryCommitSignal[1];
    created[0] = new MemoryCommitSignal(() -> signals.remove(created[0]));
    signals.add(created[0]);
    return created[0];
  }

  /** Runs {@code action} holding the store's one lock. */
  private <T> T locked(Supplier<T> action) {
    return lock.locked(action);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void close() {}

  /** Thrown by a commit hook that could not make a unit of work durable. */
  public static ReservationException journalFailure(Exception cause) {
    return new ReservationException.Internal("The event journal could not be written", cause);
  }
}
