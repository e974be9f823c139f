package com.parkora.reservation.jdbc;

import static com.parkora.reservation.jdbc.SqlValues.timestamp;

import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.RefundCompleted;
import com.parkora.reservation.domain.ReservationEvent.RefundFailed;
import com.parkora.reservation.domain.ReservationEvent.RefundRefused;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.port.StoredEvent;

/**
 * Keeps {@code pending_refunds} in step with the refund events a unit of work stores, in the same
 * transaction and as the tenant: the queue is what the events say is owed.
 */
final class PgRefunds {

  private PgRefunds() {}

  static void follow(Session session, StoredEvent stored) {
    ReservationEvent event = stored.event();
    if (event instanceof RefundRequested e) {
      requested(session, stored, e);
    } else if (event instanceof RefundFailed e) {
      failed(session, stored, e);
    } else if (event instanceof RefundRefused e) {
      refused(session, stored, e);
    } else if (event instanceof RefundCompleted e) {
      completed(session, stored, e);
    }
  }

  private static void requested(Session session, StoredEvent stored, RefundRequested e) {
    session
        .handle()
        .createUpdate(
            """
            INSERT INTO pending_refunds
              (tenant_id, transaction_id, reservation_id, amount, reason, next_attempt_at)
            VALUES (:tenant, :txn, :reservation, :amount, :reason, :at)
            ON CONFLICT (tenant_id, transaction_id) DO NOTHING""")
        .bind("tenant", stored.tenantId().value())
        .bind("txn", e.transactionId())
        .bind("reservation", e.reservationId())
        .bind("amount", e.amount())
        .bind("reason", e.reason())
        .bind("at", timestamp(e.occurredAt()))
        .execute();
  }

  private static void failed(Session session, StoredEvent stored, RefundFailed e) {
    session
        .handle()
        .createUpdate(
            """
            UPDATE pending_refunds
            SET next_attempt_at = :next, leased_until = NULL, last_error = :error,
                attempts = GREATEST(attempts, :attempt), refused_at = NULL
            WHERE tenant_id = :tenant AND transaction_id = :txn""")
        .bind("tenant", stored.tenantId().value())
        .bind("txn", e.transactionId())
        .bind("next", timestamp(e.nextAttemptAt()))
        .bind("error", e.errorCode() + ": " + e.message())
        .bind("attempt", e.attempt())
        .execute();
  }

  private static void refused(Session session, StoredEvent stored, RefundRefused e) {
    session
        .handle()
        .createUpdate(
            """
            UPDATE pending_refunds
            SET refused_at = :at, leased_until = NULL, last_error = :error,
                attempts = GREATEST(attempts, :attempt)
            WHERE tenant_id = :tenant AND transaction_id = :txn""")
        .bind("tenant", stored.tenantId().value())
        .bind("txn", e.transactionId())
        .bind("at", timestamp(e.occurredAt()))
        .bind("error", e.errorCode() + ": " + e.message())
        .bind("attempt", e.attempt())
        .execute();
  }

  private static void completed(Session session, StoredEvent stored, RefundCompleted e) {
    session
        .handle()
        .createUpdate(
            "DELETE FROM pending_refunds WHERE tenant_id = :tenant AND transaction_id = :txn")
        .bind("tenant", stored.tenantId().value())
        .bind("txn", e.transactionId())
        .execute();
  }
}
