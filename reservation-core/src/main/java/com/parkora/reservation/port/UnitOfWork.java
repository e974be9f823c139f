package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;

/**
 * One transaction bound to one tenant: events appended and read-model writes made through it commit
 * together or not at all.
 */
public interface UnitOfWork {

  TenantId tenant();

  EventStore events();

  ReadModel readModel();
}
