package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Every tenant's events in commit order, without gaps: an event whose transaction commits late is
 * still delivered, after those that committed before it. Cross-tenant by design; for the relay to
 * RabbitMQ, dumps that follow, and operators.
 */
public interface EventFeed {

  /**
   * Up to {@code limit} events committed after {@code after}, in commit order. Only events whose
   * position among all commits is settled are returned, so nothing is ever skipped.
   */
  List<FeedEvent> readAfter(FeedPosition after, int limit, Optional<TenantId> tenant);

  /**
   * How many stored events lie after {@code after}, whether or not their order is settled yet; for
   * reporting how far a consumer is behind.
   */
  long countAfter(FeedPosition after);
}
