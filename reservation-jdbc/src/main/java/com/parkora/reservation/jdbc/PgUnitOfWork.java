package com.parkora.reservation.jdbc;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.EventStore;
import com.parkora.reservation.port.ReadModel;
import com.parkora.reservation.port.UnitOfWork;

/** A tenant's transaction as the core sees it. */
record PgUnitOfWork(TenantId tenant, EventStore events, ReadModel readModel)
    implements UnitOfWork {}
