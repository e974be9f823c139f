package com.parkora.reservation.port;

import com.parkora.reservation.domain.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds that wait to be sent, across tenants. The store keeps it from the events it records
 * ({@code REFUND_REQUESTED} adds a refund in the same transaction, {@code REFUND_FAILED} moves its
 * next attempt, {@code REFUND_REFUSED} holds it for an operator, no longer due, until a {@code
 * REFUND_FAILED} puts it back or {@code REFUND_COMPLETED} removes it), so nothing is lost across a
 * restart. Taking a refund leases it for a while: another instance does not take it until the lease
 * ran out, and no transaction or lock is held while it is sent.
 */
public interface RefundQueue {

  /** Takes up to {@code limit} refunds due at {@code now}, each leased for {@code lease}. */
  List<PendingRefund> takeDue(Instant now, Duration lease, int limit);

  /** Takes one refund when it waits and nobody holds its lease (a first try right after commit). */
  Optional<PendingRefund> take(TenantId tenant, String transactionId, Instant now, Duration lease);

  /**
   * The refunds that wait for {@code transactionId}, across tenants, leased or not, without taking
   * them: for a notice of the payment service that names a transaction but no tenant.
   */
  List<PendingRefund> owedFor(String transactionId);

  /** How many refunds wait, due or not, refused or not. */
  long pending();

  /** The tenant's refunds the payment service refused for good, oldest refusal first. */
  List<RefusedRefund> refused(TenantId tenant);

  /** How many refunds wait for an operator, across tenants. */
  long refusedCount();

  /**
   * A refund held for an operator.
   *
   * @param error the refusal: the payment service's code and message
   */
  record RefusedRefund(
      UUID reservationId,
      String transactionId,
      BigDecimal amount,
      int attempts,
      String error,
      Instant refusedAt) {}

  /**
   * A refund to send: {@code attempts} counts this one.
   *
   * @param amount what was charged; the refund itself asks for the whole transaction
   */
  record PendingRefund(
      TenantId tenant,
      UUID reservationId,
      String transactionId,
      BigDecimal amount,
      String reason,
      int attempts) {}
}
