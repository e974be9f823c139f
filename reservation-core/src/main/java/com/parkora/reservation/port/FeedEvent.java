package com.parkora.reservation.port;

/** An event read from the feed, with the feed position to resume after it. */
public record FeedEvent(FeedPosition feedPosition, StoredEvent event) {}
