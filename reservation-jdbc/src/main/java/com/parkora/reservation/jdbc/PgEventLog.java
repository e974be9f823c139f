package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.port.EventCounts;
import com.parkora.reservation.port.EventLog;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementException;

/**
 * The tenant's log in {@code event_store}; row security hides every other tenant's events.
 *
 * @param afterAppendCommit run once after the transaction commits, if it appended
 */
record PgEventLog(Session session, EventCodec codec, Rows rows, Runnable afterAppendCommit)
    implements EventLog {

  static final int STREAM_FETCH_SIZE = 2_000;

  /** The position an append statement returns. */
  static final JdbcStatement.RowReader<Long> POSITION = row -> row.getLong(1);

  /**
   * Inserts version n+1, holding the tenant's rebuild lock shared. Without version n the version is
   * null and {@code NOT NULL} fails the statement, so that nothing sent after it in the same
   * execution is kept; a version taken fails it on {@code UNIQUE (aggregate_id, version)}.
   */
  private static final String APPEND =
      """
      INSERT INTO event_store (id, aggregate_id, aggregate_type, event_type, version, data,
                               event_metadata, tenant_id, created_at)
      SELECT :id, :aggregate, :aggregateType, :type,
             CASE WHEN :expected = 0
                    OR EXISTS (SELECT 1 FROM event_store
                               WHERE aggregate_id = :aggregate AND version = :expected)
                  THEN CAST(:version AS integer) END,
             CAST(:data AS jsonb), CAST(:metadata AS jsonb), :tenant, :createdAt
      FROM (SELECT pg_advisory_xact_lock_shared(:ns, :key)) AS tenant_lock
      RETURNING position
      """;

  private static final String LOAD =
      """
      SELECT id, aggregate_id, tenant_id, version, position, event_type, data::text AS data,
             event_metadata::text AS event_metadata, created_at
      FROM event_store WHERE aggregate_id = :aggregate ORDER BY version
      """;
  private static final String LOAD_UP_TO =
      """
      SELECT id, aggregate_id, tenant_id, version, position, event_type, data::text AS data,
             event_metadata::text AS event_metadata, created_at
      FROM event_store WHERE aggregate_id = :aggregate AND created_at <= :asOf ORDER BY version
      """;
  private static final String ALL_OF_TENANT =
      """
      SELECT id, aggregate_id, tenant_id, version, position, event_type, data::text AS data,
             event_metadata::text AS event_metadata, created_at
      FROM event_store WHERE tenant_id = :tenant ORDER BY position
      """;
  private static final String STREAMS_WITH =
      """
      SELECT DISTINCT aggregate_id FROM event_store
      WHERE event_type = :type AND created_at >= :since
      """;
  private static final String EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM event_store WHERE id = :id)
      """;
  private static final String COUNTS =
      """
      SELECT event_type, count(*) AS events,
             (SELECT count(DISTINCT aggregate_id) FROM event_store WHERE tenant_id = :tenant)
               AS aggregates
      FROM event_store WHERE tenant_id = :tenant GROUP BY event_type
      """;

  @Override
  public List<StoredEvent> append(UUID aggregateId, long expectedVersion, List<NewEvent> events) {
    List<StoredEvent> toStore = toStore(aggregateId, expectedVersion, events);
    List<StoredEvent> stored = new ArrayList<>(toStore.size());
    for (StoredEvent event : toStore) {
      long position = insert(event, event.version() - 1);
      appended();
      stored.add(withPosition(event, position));
    }
    return stored;
  }

  /** {@code events} as versions {@code expectedVersion + 1} on of the stream, not yet stored. */
  List<StoredEvent> toStore(UUID aggregateId, long expectedVersion, List<NewEvent> events) {
    List<StoredEvent> toStore = new ArrayList<>(events.size());
    long version = expectedVersion;
    for (NewEvent e : events) {
      if (!e.event().reservationId().equals(aggregateId)) {
        throw new IllegalArgumentException(
            "event of " + e.event().reservationId() + " appended to stream " + aggregateId);
      }
      version++;
      toStore.add(
          new StoredEvent(
              e.eventId(),
              aggregateId,
              session.tenant(),
              version,
              0,
              e.event(),
              e.metadata(),
              e.event().occurredAt()));
    }
    return toStore;
  }

  /**
   * Called once an append statement ran or is sent with the unit of work's last round trip: it
   * holds the tenant's lock, and a commit notifies.
   */
  void appended() {
    if (session.firstAppend()) {
      session.afterCommit(afterAppendCommit);
    }
    session.markWriteLocked();
  }

  /** Stores {@code event} at once; answers its position. */
  private long insert(StoredEvent event, long expectedVersion) {
    try {
      return session
          .together(List.of(appendStatement(event, expectedVersion)), 1, POSITION)
          .getFirst()
          .getFirst();
    } catch (StatementException e) {
      throw PgRecorder.conflictOr(e, event.aggregateId(), expectedVersion);
    }
  }

  /**
   * The statement that stores {@code event} after version {@code expectedVersion} of its stream
   * (none for 0), holding the tenant's rebuild lock shared; it answers the position, or fails when
   * that version is missing or the next one is taken ({@link PgRecorder#conflictOr}). To be sent
   * through {@link Session#together}.
   */
  JdbcStatement appendStatement(StoredEvent event, long expectedVersion) {
    return session
        .part(APPEND)
        .bind("id", event.eventId())
        .bind("aggregate", event.aggregateId())
        .bind("aggregateType", StoredEvent.AGGREGATE_TYPE)
        .bind("type", event.type().name())
        .bind("version", (int) event.version())
        .bind("data", codec.payloadText(event.event()))
        .bind("metadata", codec.metadataText(event.metadata()))
        .bind("tenant", event.tenantId().value())
        .bind("createdAt", event.createdAt())
        .bind("ns", Session.LOCK_NAMESPACE)
        .bind("key", session.lockKey())
        .bind("expected", (int) expectedVersion);
  }

  static StoredEvent withPosition(StoredEvent e, long position) {
    return new StoredEvent(
        e.eventId(),
        e.aggregateId(),
        e.tenantId(),
        e.version(),
        position,
        e.event(),
        e.metadata(),
        e.createdAt());
  }

  @Override
  public boolean importEvent(StoredEvent event) {
    if (!event.tenantId().equals(session.tenant())) {
      throw new IllegalArgumentException(
          "event of tenant " + event.tenantId() + " imported for tenant " + session.tenant());
    }
    boolean exists =
        session.handle().createQuery(EXISTS).bind("id", event.eventId()).mapTo(Boolean.class).one();
    if (exists) {
      return false;
    }
    insert(event, event.version() - 1);
    session.markWriteLocked();
    return true;
  }

  @Override
  public List<StoredEvent> load(UUID aggregateId) {
    // through rows(): a command's first query carries the settings in its round trip
    return session.rows(LOAD, q -> q.bind("aggregate", aggregateId), rows::storedEvent);
  }

  @Override
  public List<StoredEvent> loadUpTo(UUID aggregateId, Instant asOf) {
    return stream(
        session.handle().createQuery(LOAD_UP_TO).bind("asOf", timestamp(asOf)), aggregateId);
  }

  /** The events of one stream that {@code query} selects. */
  private List<StoredEvent> stream(Query query, UUID aggregateId) {
    return query.bind("aggregate", aggregateId).map(rows.storedEvent()).list();
  }

  @Override
  public List<UUID> streamsWith(EventType type, Instant since) {
    return session
        .handle()
        .createQuery(STREAMS_WITH)
        .bind("type", type.name())
        .bind("since", timestamp(since))
        .mapTo(UUID.class)
        .list();
  }

  @Override
  public void forEach(Consumer<StoredEvent> consumer) {
    session
        .handle()
        .createQuery(ALL_OF_TENANT)
        .bind("tenant", session.tenant().value())
        .setFetchSize(STREAM_FETCH_SIZE)
        .map(rows.storedEvent())
        .useStream(events -> events.forEach(consumer));
  }

  @Override
  public EventCounts counts() {
    List<TypeCount> counts =
        session
            .handle()
            .createQuery(COUNTS)
            .bind("tenant", session.tenant().value())
            .map(
                (rs, ctx) ->
                    new TypeCount(
                        rs.getString("event_type"), rs.getLong("events"), rs.getLong("aggregates")))
            .list();
    Map<EventType, Long> byType = new EnumMap<>(EventType.class);
    counts.forEach(c -> EventType.byName(c.type()).ifPresent(type -> byType.put(type, c.events())));
    long total = counts.stream().mapToLong(TypeCount::events).sum();
    long aggregates = counts.isEmpty() ? 0 : counts.getFirst().aggregates();
    return new EventCounts(total, aggregates, byType);
  }

  private record TypeCount(String type, long events, long aggregates) {}
}
