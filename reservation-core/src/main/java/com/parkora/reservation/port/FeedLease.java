package com.parkora.reservation.port;

import java.util.OptionalLong;

/**
 * The right to consume the feed under one consumer name, held by at most one process at a time, and
 * that consumer's checkpoint. Each taking of the lease has a new, larger epoch; a checkpoint is
 * saved only while the epoch that saves it is still the current one, so a holder that lost the
 * lease (paused, cut off) can never move the checkpoint again.
 */
public interface FeedLease {

  /** Takes the lease when nobody holds it or its holder's time ran out; answers the new epoch. */
  OptionalLong acquire();

  /** Extends the lease of {@code epoch}; false when it was lost. */
  boolean renew(long epoch);

  /** Where the consumer has got to; {@link FeedPosition#START} when nowhere yet. */
  FeedPosition checkpoint();

  /**
   * Saves the checkpoint and extends the lease, if {@code epoch} still holds it; false (and nothing
   * saved) when another holder took over.
   */
  boolean saveCheckpoint(long epoch, FeedPosition position);

  /** Gives the lease up, so another instance may take it at once. */
  void release(long epoch);
}
