package com.parkora.reservation.port;

/**
 * A point in the commit-ordered feed: the committing transaction and the event's position within
 * the store. Feeds are ordered by (transactionId, position).
 */
public record FeedPosition(long transactionId, long position) implements Comparable<FeedPosition> {

  public static final FeedPosition START = new FeedPosition(0, 0);

  @Override
  public int compareTo(FeedPosition other) {
    int byTransaction = Long.compare(transactionId, other.transactionId);
    return byTransaction != 0 ? byTransaction : Long.compare(position, other.position);
  }
}
