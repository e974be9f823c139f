package com.parkora.reservation.port;

/**
 * The write side of a store's {@link RefundQueue} for the tenant of one transaction, implemented by
 * each store and used only by {@link UnitOfWork}, which writes what {@link Projector} made of each
 * refund event it stores, in the same transaction. A rebuild leaves the queue as it is: besides
 * what the events say, it holds the leases and attempts of the refund worker.
 */
public interface WritableRefundQueue {

  /** Applies one projected write to the refund of {@code write.transactionId()}. */
  void apply(RefundWrite write);
}
