package com.parkora.reservation.jdbc;

import java.util.function.Function;

/** Runs work in a transaction of the system role, which sees every tenant. */
interface SystemTransactions {
  <T> T inSystem(Function<Session, T> work);
}
