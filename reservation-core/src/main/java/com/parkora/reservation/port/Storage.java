package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where events and the read model live. Every data operation runs as a {@link UnitOfWork} bound to
 * one tenant; the store, not the caller, keeps tenants apart.
 */
public interface Storage extends AutoCloseable {

  /**
   * Runs {@code work} in one transaction for {@code tenant}; commits when it returns, rolls back
   * when it throws (and rethrows). A version clash surfaces as {@link
   * com.parkora.reservation.domain.ReservationException.Conflict}, an overlapping active
   * reservation as {@link com.parkora.reservation.domain.ReservationException.SlotUnavailable}.
   */
  <T> T inTransaction(TenantId tenant, Function<UnitOfWork, T> work);

  /**
   * Answers a read of the tenant's read model. A store may answer it with less than a transaction
   * (PostgreSQL: one round trip per query, no BEGIN or COMMIT), so each query of {@code query} may
   * see its own snapshot: meant for reads made of one query.
   */
  default <T> T read(TenantId tenant, Function<ReadModel, T> query) {
    return inTransaction(tenant, uow -> query.apply(uow.readModel()));
  }

  /**
   * Replaces the tenant's read model by replaying its events through {@code projector}, in one
   * transaction: readers see the old model until it commits, and commands of that tenant wait for
   * it rather than being lost. Memory stays flat whatever the number of events.
   *
   * @return the number of events replayed
   */
  long rebuild(TenantId tenant, Projector projector, RebuildProgress progress);

  /** Tenants that have at least one event. */
  List<TenantId> tenants();

  /**
   * The tenant whose stream {@code reservationId} is, looked up across tenants (a deleted
   * reservation's too): for messages that name a reservation but no tenant. Empty when no tenant
   * has it. Stream ids are unique across tenants.
   */
  Optional<TenantId> tenantOf(UUID reservationId);

  /** Events of one tenant in the store; for progress reporting. */
  long eventCount(TenantId tenant);

  EventFeed feed();

  /** The refunds owed across tenants, kept by the store from the refund events it records. */
  RefundQueue refunds();

  /** The keys of idempotent requests and their answers, kept by the store. */
  IdempotencyStore idempotency();

  /** True when the store answers. */
  boolean isReady();

  @Override
  void close();

  /** Receives progress of a rebuild; called from the rebuilding thread. */
  @FunctionalInterface
  interface RebuildProgress {
    RebuildProgress NONE = processed -> {};

    void eventsProcessed(long processedSoFar);

    /**
     * Told once, after the rebuilt model is stored: how many of the tenant's rows it removed (rows
     * the replay does not give back as they were, or that no event made) and how many it wrote
     * (their replacements and the rows the model lacked). Both are 0 when the model was right.
     */
    default void rowsChanged(long removed, long written) {}
  }
}
