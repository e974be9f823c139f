package com.parkora.reservation.jdbc;

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
record PgFeedLease(SystemTransactions transactions, String consumer, String holder, Duration term)
    implements FeedLease {

  private static final String ACQUIRE =
      """
      INSERT INTO feed_leases AS l (consumer, holder, epoch, expires_at)
      VALUES (:consumer, :holder, 1, now() + make_interval(secs => :term))
      ON CONFLICT (consumer) DO UPDATE
        SET holder = excluded.holder, epoch = l.epoch + 1, expires_at = excluded.expires_at
        WHERE l.expires_at < now()
      RETURNING epoch
      """;
  private static final String RENEW =
      """
      UPDATE feed_leases SET expires_at = now() + make_interval(secs => :term)
      WHERE consumer = :consumer AND holder = :holder AND epoch = :epoch
      """;
  private static final String RELEASE =
      """
      UPDATE feed_leases SET expires_at = now() - interval '1 millisecond'
      WHERE consumer = :consumer AND holder = :holder AND epoch = :epoch
      """;
  private static final String CHECKPOINT =
      """
      SELECT transaction_id::text::bigint AS transaction_id, position
      FROM feed_checkpoints WHERE consumer = :consumer
      """;
  private static final String SAVE_CHECKPOINT =
      """
      INSERT INTO feed_checkpoints (consumer, transaction_id, position)
      VALUES (:consumer, CAST(CAST(:txid AS text) AS xid8), :position)
      ON CONFLICT (consumer) DO UPDATE
        SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()
      """;

  @Override
  public OptionalLong acquire() {
    return transactions.query(
        ACQUIRE,
        query ->
            query
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
    return transactions.query(
        CHECKPOINT,
        query ->
            query
                .bind("consumer", consumer)
                .mapTo(FeedPosition.class)
                .findOne()
                .orElse(FeedPosition.START));
  }

  @Override
  public boolean saveCheckpoint(long epoch, FeedPosition position) {
    return transactions.inSystem(
        session -> {
          if (update(session, RENEW, epoch) != 1) {
            return false;
          }
          session
              .handle()
              .createUpdate(SAVE_CHECKPOINT)
              .bind("consumer", consumer)
              .bind("txid", position.transactionId())
              .bind("position", position.position())
              .execute();
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
