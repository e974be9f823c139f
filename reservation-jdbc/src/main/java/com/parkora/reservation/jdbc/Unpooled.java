package com.parkora.reservation.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Connections outside the pool: the LISTEN and NOTIFY connections, and the migrations'. */
final class Unpooled {

  private Unpooled() {}

  /**
   * A new connection to {@code url} for {@code LISTEN}/{@code NOTIFY}: connecting, logging in and
   * every read bounded by {@code bound} (a wait for notifications sets its own read limit).
   */
  static Connection open(DatabaseUrl url, DatabaseTimeout bound) throws SQLException {
    Properties properties = bound.driverProperties();
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    properties.setProperty("ApplicationName", "reservation-service-listen");
    return DriverManager.getConnection(url.jdbcUrl(), properties);
  }

  /**
   * Connections for migrations: connecting and logging in bounded by {@code bound}, statements not
   * (building an index on a big table may take minutes).
   */
  static DataSource dataSource(DatabaseUrl url, DatabaseTimeout bound) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url.jdbcUrl());
    if (url.user() != null) {
      source.setUser(url.user());
    }
    if (url.password() != null) {
      source.setPassword(url.password());
    }
    int seconds = Integer.parseInt(bound.driverProperties().getProperty("connectTimeout"));
    source.setConnectTimeout(seconds);
    source.setLoginTimeout(seconds);
    source.setTcpKeepAlive(true);
    source.setApplicationName("reservation-service-migrate");
    return source;
  }
}
