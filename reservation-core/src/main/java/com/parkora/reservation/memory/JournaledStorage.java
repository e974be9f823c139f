package com.parkora.reservation.memory;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.UnitOfWork;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The embedded store: {@link InMemoryStorage} made durable by a {@link Journal}. */
public final class JournaledStorage implements Storage {

  private final InMemoryStorage memory;
  private final Journal journal;
  private final long replayed;

  JournaledStorage(InMemoryStorage memory, Journal journal, long replayed) {
    this.memory = memory;
    this.journal = journal;
    this.replayed = replayed;
  }

  /** The journal file holding the data. */
  public Path file() {
    return journal.file();
  }

  /** How many events were read back from the journal at start. */
  public long replayedEvents() {
    return replayed;
  }

  @Override
  public <T> T inTransaction(TenantId tenant, Function<UnitOfWork, T> work) {
    return memory.inTransaction(tenant, work);
  }

  @Override
  public IdempotencyStore idempotency() {
    return memory.idempotency();
  }

  @Override
  public long rebuild(TenantId tenant, Projector projector, RebuildProgress progress) {
    return memory.rebuild(tenant, projector, progress);
  }

  @Override
  public List<TenantId> tenants() {
    return memory.tenants();
  }

  @Override
  public Optional<TenantId> tenantOf(UUID reservationId) {
    return memory.tenantOf(reservationId);
  }

  @Override
  public long eventCount(TenantId tenant) {
    return memory.eventCount(tenant);
  }

  @Override
  public EventFeed feed() {
    return memory.feed();
  }

  @Override
  public RefundQueue refunds() {
    return memory.refunds();
  }

  /** A signal raised after every commit that appended events; close it when done. */
  public CommitSignal newCommitSignal() {
    return memory.newCommitSignal();
  }

  /**
   * The lease and checkpoint of feed consumer {@code consumer}: a file beside the journal, so a
   * restart resumes where the consumer stopped.
   */
  public FeedLease feedLease(String consumer) {
    return new CheckpointFile(journal.file().resolveSibling(consumer + ".checkpoint"));
  }

  @Override
  public boolean isReady() {
    return memory.isReady();
  }

  @Override
  public void close() {
    journal.close();
  }
}
