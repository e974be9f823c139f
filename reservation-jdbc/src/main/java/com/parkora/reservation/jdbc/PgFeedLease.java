package com.parkora.reservation.jdbc;

import com.parkora.reservation.port.EventFeed;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.FeedPosition;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A {@link FeedLease} in {@code feed_leases}: a row per consumer with its holder, epoch and expiry,
 * all times taken from the database's clock. Each call is one short transaction of the system role,
 * so it works over a pool and holds nothing between calls. Saving a checkpoint first extends the
 * lease row of the saver's epoch (locking it, so a takeover waits for the save or the save sees the
 * takeover) and writes the checkpoint only if that row was still the saver's.
 */
record PgFeedLease(
    PgEventFeed.SystemTransactions transactions,
    EventFeed feed,
    String consumer,
    String holder,
    Duration term)
    implements FeedLease {

  private static final String ACQUIRE =
      "INSERT INTO feed_leases AS l (consumer, holder, epoch, expires_at)"
          + " VALUES (:consumer, :holder, 1, now() + make_interval(secs => :term))"
          + " ON CONFLICT (consumer) DO UPDATE SET holder = excluded.holder,"
          + " epoch = l.epoch + 1, expires_at = excluded.expires_at"
          + " WHERE l.expires_at < now()"
          + " RETURNING epoch";
  private static final String RENEW =
      "UPDATE feed_leases SET expires_at = now() + make_interval(secs => :term)"
          + " WHERE consumer = :consumer AND holder = :holder AND epoch = :epoch";
  private static final String RELEASE =
      "UPDATE feed_leases SET expires_at = now() - interval '1 millisecond'"
          + " WHERE consumer = :consumer AND holder = :holder AND epoch = :epoch";

  @Override
  public OptionalLong acquire() {
    return transactions.inSystem(
        session ->
            session
                .handle()
                .createQuery(ACQUIRE)
                .bind("consumer", consumer)
                .bind("holder", holder)
                .bind("term", termSeconds())
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
  }

  @Override
  public boolean renew(long epoch) {
    return transactions.inSystem(session -> update(session, RENEW, epoch)) == 1;
  }

  @Override
  public FeedPosition checkpoint() {
    return feed.checkpoint(consumer);
  }

  @Override
  public boolean saveCheckpoint(long epoch, FeedPosition position) {
    return transactions.inSystem(
        session -> {
          if (update(session, RENEW, epoch) != 1) {
            return false;
          }
          PgEventFeed.saveCheckpoint(session, consumer, position);
          return true;
        });
  }

  @Override
  public void release(long epoch) {
    transactions.inSystem(session -> update(session, RELEASE, epoch));
  }

  private int update(Session session, String sql, long epoch) {
    return session
        .handle()
        .createUpdate(sql)
        .bind("consumer", consumer)
        .bind("holder", holder)
        .bind("epoch", epoch)
        .bind("term", termSeconds())
        .execute();
  }

  private double termSeconds() {
    return term.toMillis() / 1000.0;
  }
}
