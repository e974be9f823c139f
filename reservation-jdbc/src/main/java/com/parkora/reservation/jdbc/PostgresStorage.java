package com.parkora.reservation.jdbc;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.IdempotencyStore;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReadModel;
import com.parkora.reservation.port.RefundQueue;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.UnitOfWork;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link Storage} on PostgreSQL (JDBI over a HikariCP pool). Each unit of work is one transaction
 * that opens as the {@code reservation_tenant} role with {@code app.tenant_id} set, so row security
 * keeps tenants apart even when the service logs in as a superuser. {@code UNIQUE (aggregate_id,
 * version)} answers version clashes (CONFLICT) and an exclusion constraint double bookings
 * (SLOT_UNAVAILABLE). Failures to reach the database answer DEPENDENCY_UNAVAILABLE, and so does a
 * unit of work that has not ended within the {@link DatabaseTimeout} (a database that went silent).
 * Use: {@code connect(url, poolSize, timeout)}, {@code migrate()} once, then {@code
 * ReservationService.builder(it)}.
 */
public final class PostgresStorage implements Storage {

  /** The bound of a unit of work ({@code DATABASE_TIMEOUT}) unless one is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The bound of the readiness check, well inside the second a probe waits. */
  public static final Duration READY_TIMEOUT = Duration.ofMillis(400);

  private final DataSource dataSource;
  private final DataSource migrations;
  private final HikariDataSource ownedPool;
  private final DatabaseTimeout timeout;
  private final Jdbi jdbi;
  private final EventCodec codec;
  private final Rows rows;
  private final PgCommitSignal.Connector unpooled;
  private final PgCommitNotifier notifier;

  /** Uses {@code dataSource} as it is (close leaves it open; LISTEN/NOTIFY keep a connection). */
  public PostgresStorage(DataSource dataSource) {
    this(dataSource, dataSource, null, DEFAULT_TIMEOUT, dataSource::getConnection);
  }

  private PostgresStorage(
      DataSource dataSource,
      DataSource migrations,
      HikariDataSource ownedPool,
      Duration timeout,
      PgCommitSignal.Connector unpooled) {
    this.dataSource = dataSource;
    this.migrations = migrations;
    this.ownedPool = ownedPool;
    this.timeout = new DatabaseTimeout(timeout);
    this.unpooled = unpooled;
    this.notifier = new PgCommitNotifier(unpooled);
    this.jdbi = DatabaseTimeout.install(Rows.configure(Jdbi.create(dataSource)));
    this.codec = new EventCodec();
    this.rows = new Rows(codec);
  }

  /**
   * Opens a pool of at most {@code maxPoolSize} connections to {@code databaseUrl} in any form
   * {@link DatabaseUrl#parse} accepts. Connecting is lazy: an unreachable server fails the first
   * unit of work, not this call.
   */
  public static PostgresStorage connect(String databaseUrl, int maxPoolSize) {
    return connect(DatabaseUrl.parse(databaseUrl), maxPoolSize);
  }

  public static PostgresStorage connect(DatabaseUrl url, int maxPoolSize) {
    return connect(url, maxPoolSize, DEFAULT_TIMEOUT);
  }

  /**
   * @param timeout how long a unit of work (waiting for a connection included) may take before it
   *     answers DEPENDENCY_UNAVAILABLE; at least 250 ms
   */
  public static PostgresStorage connect(DatabaseUrl url, int maxPoolSize, Duration timeout) {
    DatabaseTimeout bound = new DatabaseTimeout(timeout);
    HikariDataSource pool = bound.pool(url, maxPoolSize);
    return new PostgresStorage(
        pool, Unpooled.dataSource(url, bound), pool, timeout, () -> Unpooled.open(url, bound));
  }

  /**
   * Applies pending migrations; answers the schema version the database is at. Migrations run on
   * connections of their own, outside the pool's limits: one may take minutes on a big database.
   */
  public String migrate() {
    return SqlFailures.guarded(() -> Migrations.migrate(migrations));
  }

  /** The pool (or the data source given), for tools that need plain JDBC. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public <T> T inTransaction(TenantId tenant, Function<UnitOfWork, T> work) {
    try {
      return bounded(
          handle -> {
            Session session = Session.forTenant(handle, tenant);
            T result = work.apply(unitOfWork(session));
            session.finish();
            return result;
          });
    } catch (SlotTaken taken) {
      throw taken.slotUnavailable(this, tenant);
    }
  }

  /** One round trip per query: the settings and the query in one execution, in autocommit mode. */
  @Override
  public <T> T read(TenantId tenant, Function<ReadModel, T> query) {
    long started = System.nanoTime();
    return SqlFailures.guarded(
        () -> {
          try (Handle handle = jdbi.open()) {
            timeout.start(handle, started);
            if (!handle.isInTransaction()) {
              return query.apply(new PgReadModel(Session.forTenantReads(handle, tenant)));
            }
            // a data source that hands out connections outside autocommit: a plain transaction
            return handle.inTransaction(
                h -> query.apply(new PgReadModel(Session.forTenant(h, tenant))));
          }
        });
  }

  private UnitOfWork unitOfWork(Session session) {
    TenantId tenant = session.tenant();
    PgEventLog log = new PgEventLog(session, codec, rows, notifier::poke);
    PgReadModel readModel = new PgReadModel(session);
    PgRefunds refunds = new PgRefunds(session);
    return new UnitOfWork(
        tenant,
        log,
        readModel,
        refunds,
        new PgAnswers(session),
        new PgRecorder(session, log, readModel, refunds));
  }

  @Override
  public long rebuild(TenantId tenant, Projector projector, RebuildProgress progress) {
    return rebuild(tenant, projector, progress, TenantRebuild.BATCH_EVENTS);
  }

  long rebuild(TenantId tenant, Projector projector, RebuildProgress progress, int batchEvents) {
    TenantRebuild.Replayed replayed =
        SqlFailures.guarded(
            () ->
                jdbi.inTransaction(
                    handle -> {
                      DatabaseTimeout.lift(handle, DatabaseTimeout.REBUILD_ROUND_TRIP);
                      Session session = Session.forTenant(handle, tenant);
                      session.lockForRebuild();
                      return new TenantRebuild(session, codec, projector, unpooled)
                          .run(progress, batchEvents);
                    }));
    progress.rowsChanged(replayed.removed(), replayed.written());
    return replayed.events();
  }

  @Override
  public List<TenantId> tenants() {
    return inSystem(session -> SystemQueries.tenants(session.handle()));
  }

  /** As the system role, whose read-all policy sees every tenant's events. */
  @Override
  public Optional<TenantId> tenantOf(UUID reservationId) {
    return inSystem(session -> SystemQueries.tenantOf(session.handle(), reservationId));
  }

  @Override
  public long eventCount(TenantId tenant) {
    return inSystem(session -> SystemQueries.eventCount(session.handle(), tenant));
  }

  @Override
  public EventFeed feed() {
    return new PgEventFeed(this::inSystem, rows);
  }

  @Override
  public RefundQueue refunds() {
    return new PgRefundQueue(this::inSystem);
  }

  @Override
  public IdempotencyStore idempotency() {
    return new PgIdempotency(this::inTenant, this::inSystem);
  }

  /** {@code LISTEN} on an unpooled connection; from now on, this store's appends notify. */
  public CommitSignal newCommitSignal() {
    notifier.enable();
    return new PgCommitSignal(unpooled);
  }

  /** The lease of feed consumer {@code consumer} for instance {@code holder}. */
  public FeedLease feedLease(String consumer, String holder, Duration term) {
    return new PgFeedLease(this::inSystem, consumer, holder, term);
  }

  /**
   * A {@code SELECT 1} whose round trip is bounded by {@link #READY_TIMEOUT}; waiting for a
   * connection is bounded by the pool (the caller's probe gives up sooner).
   */
  @Override
  public boolean isReady() {
    try (Handle handle = jdbi.open()) {
      DatabaseTimeout.limitRoundTrips(handle, READY_TIMEOUT);
      handle.createQuery("SELECT 1").mapTo(Integer.class).one();
      return true;
    } catch (JdbiException e) {
      return false;
    }
  }

  @Override
  public void close() {
    notifier.close();
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  private <T> T inTenant(TenantId tenant, Function<Session, T> work) {
    return bounded(handle -> work.apply(Session.forTenant(handle, tenant)));
  }

  private <T> T inSystem(Function<Session, T> work) {
    return bounded(handle -> work.apply(Session.forSystem(handle)));
  }

  /** One transaction, to end within the timeout from now. */
  private <T> T bounded(Function<Handle, T> work) {
    long started = System.nanoTime();
    return SqlFailures.guarded(
        () ->
            jdbi.inTransaction(
                handle -> {
                  timeout.start(handle, started);
                  return work.apply(handle);
                }));
  }
}
