package com.parkora.reservation.port;

/**
 * The write side of a store's read model, implemented by each store and used only by {@link
 * UnitOfWork} and by rebuilds, both of which write what {@link Projector} made of an event.
 */
public interface WritableReadModel extends ReadModel {

  /** Applies one projected write. */
  void apply(ReadModelWrite write);
}
