package com.parkora.reservation.jdbc.testing;

import com.parkora.reservation.jdbc.DatabaseUrl;
import com.parkora.reservation.jdbc.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database, migrated unless asked otherwise, dropped on {@link #close()}. The
 * server comes from {@code TEST_DATABASE_URL} (any form {@link DatabaseUrl#parse} accepts), by
 * default the local one as {@code postgres}. An unreachable server fails the test with how to start
 * it; it is never skipped.
 *
 * <p>As a JUnit extension it hands a test class (or each test) its database:
 *
 * <pre>{@code
 * @RegisterExtension static final TestDatabase db = TestDatabase.perClass("feed");
 * @RegisterExtension final TestDatabase db = TestDatabase.perTest("dump");
 * ... db.storage() ... db.connectionString() ...
 * }</pre>
 *
 * Or by hand: {@code try (TestDatabase db = TestDatabase.create("x")) { ... }}.
 */
public final class TestDatabase implements AutoCloseable, BeforeAllCallback, BeforeEachCallback {

  public static final String ENVIRONMENT = "TEST_DATABASE_URL";
  static final DatabaseUrl DEFAULT_SERVER =
      new DatabaseUrl("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
  static final int DEFAULT_POOL = 16;

  private final DatabaseUrl server;
  private final String name;
  private final DatabaseUrl url;
  private final List<PostgresStorage> storages = new ArrayList<>();
  private PostgresStorage storage;

  /** When a registered extension opens and drops its database. */
  private enum Scope {
    CLASS,
    TEST
  }

  private final boolean migrated;
  private final Scope scope;

  private TestDatabase(DatabaseUrl server, String label, boolean migrated, Scope scope) {
    this.server = server;
    this.name =
        "test_"
            + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    this.url = server.withDatabase(name);
    this.migrated = migrated;
    this.scope = scope;
  }

  /** A new, migrated database whose name starts with {@code label}. */
  public static TestDatabase create(String label) {
    return new TestDatabase(server(), label, true, Scope.CLASS).open();
  }

  /** A new database with nothing in it (to test migrations of existing schemas). */
  public static TestDatabase createEmpty(String label) {
    return createEmpty(server(), label);
  }

  static TestDatabase createEmpty(DatabaseUrl server, String label) {
    return new TestDatabase(server, label, false, Scope.CLASS).open();
  }

  /** For a static {@code @RegisterExtension} field: one migrated database for the test class. */
  public static TestDatabase perClass(String label) {
    return new TestDatabase(server(), label, true, Scope.CLASS);
  }

  /** For an instance {@code @RegisterExtension} field: a migrated database for each test. */
  public static TestDatabase perTest(String label) {
    return new TestDatabase(server(), label, true, Scope.TEST);
  }

  /** For an instance {@code @RegisterExtension} field: an empty database for each test. */
  public static TestDatabase perTestEmpty(String label) {
    return new TestDatabase(server(), label, false, Scope.TEST);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    openFor(Scope.CLASS, context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    openFor(Scope.TEST, context);
  }

  /**
   * Opens the database when {@code context} is of this extension's scope and leaves it in the
   * context's store, which JUnit closes (and so drops the database) when the context ends.
   */
  private void openFor(Scope at, ExtensionContext context) {
    if (scope == at) {
      context.getStore(ExtensionContext.Namespace.create(TestDatabase.class)).put(name, open());
    }
  }

  private TestDatabase open() {
    onServer("CREATE DATABASE " + name);
    if (migrated) {
      storage().migrate();
    }
    return this;
  }

  static DatabaseUrl server() {
    String configured = System.getenv(ENVIRONMENT);
    return configured == null || configured.isBlank()
        ? DEFAULT_SERVER
        : DatabaseUrl.parse(configured);
  }

  public String name() {
    return name;
  }

  public DatabaseUrl url() {
    return url;
  }

  public String jdbcUrl() {
    return url.jdbcUrl();
  }

  /** A JDBC URL carrying the credentials, for {@code DATABASE_URL} in tests of the wiring. */
  public String connectionString() {
    String separator = url.jdbcUrl().contains("?") ? "&" : "?";
    StringBuilder s = new StringBuilder(url.jdbcUrl());
    if (url.user() != null) {
      s.append(separator).append("user=").append(url.user());
      separator = "&";
    }
    if (url.password() != null) {
      s.append(separator).append("password=").append(url.password());
    }
    return s.toString();
  }

  /** The storage of this database, created on first use; closed with the database. */
  public synchronized PostgresStorage storage() {
    if (storage == null) {
      storage = newStorage(DEFAULT_POOL);
    }
    return storage;
  }

  /** Another storage with its own pool, closed with the database. */
  public synchronized PostgresStorage newStorage(int poolSize) {
    PostgresStorage created = PostgresStorage.connect(url, poolSize);
    storages.add(created);
    return created;
  }

  /** Plain JDBI on this database as the login user (a superuser by default): no role, no tenant. */
  public Jdbi jdbi() {
    Properties properties = credentials();
    return Jdbi.create(url.jdbcUrl(), properties);
  }

  @Override
  public synchronized void close() {
    storages.forEach(PostgresStorage::close);
    storages.clear();
    storage = null;
    onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void onServer(String sql) {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), credentials());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private Properties credentials() {
    Properties properties = new Properties();
    if (server.user() != null) {
      properties.setProperty("user", server.user());
    }
    if (server.password() != null) {
      properties.setProperty("password", server.password());
    }
    return properties;
  }

  private IllegalStateException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28")) {
      return new IllegalStateException(
          "PostgreSQL is not reachable at "
              + server
              + " ("
              + e.getMessage()
              + "). Start it with `pg_ctlcluster --skip-systemctl-redirect 15"
              + " main start` (`pg_lsclusters` names the version), or point "
              + ENVIRONMENT
              + " at a server where this user may create databases.",
          e);
    }
    return new IllegalStateException("Test database " + name + ": " + e.getMessage(), e);
  }
}
