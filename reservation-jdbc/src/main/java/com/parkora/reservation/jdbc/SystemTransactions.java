package com.parkora.reservation.jdbc;

import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;

/** Runs work in a transaction of the system role, which sees every tenant. */
interface SystemTransactions {

  <T> T inSystem(Function<Session, T> work);

  /** One statement {@code sql} in a transaction of its own, bound and read by {@code result}. */
  default <T> T query(String sql, Function<Query, T> result) {
    return inSystem(session -> result.apply(session.handle().createQuery(sql)));
  }
}
