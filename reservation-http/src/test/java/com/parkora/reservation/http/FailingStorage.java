package com.parkora.reservation.http;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.UnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** A store whose every operation throws what {@code failure} supplies: a bug, or an outage. */
record FailingStorage(Supplier<RuntimeException> failure) implements Storage {

  @Override
  public <T> T inTransaction(TenantId tenant, Function<UnitOfWork, T> work) {
    throw failure.get();
  }

  @Override
  public long rebuild(TenantId tenant, Projector projector, RebuildProgress progress) {
    throw failure.get();
  }

  @Override
  public List<TenantId> tenants() {
    throw failure.get();
  }

  @Override
  public Optional<TenantId> tenantOf(UUID reservationId) {
    throw failure.get();
  }

  @Override
  public long eventCount(TenantId tenant) {
    throw failure.get();
  }

  @Override
  public RefundQueue refunds() {
    throw failure.get();
  }

  @Override
  public EventFeed feed() {
    throw failure.get();
  }

  @Override
  public IdempotencyStore idempotency() {
    throw failure.get();
  }

  @Override
  public boolean isReady() {
    return false;
  }

  @Override
  public void close() {}
}
