package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import java.math.BigDecimal;
import java.util.UUID;

/** The payment service (docs/payments.md). Called with no transaction open. */
public interface PaymentGateway {

  /** Used while no payment service is configured: every call is SERVICE_UNAVAILABLE. */
  PaymentGateway NONE =
      new PaymentGateway() {
        @Override
        public Charge charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
          throw new ReservationException.DependencyUnavailable(
              "No payment service is configured", null);
        }

        @Override
        public Refund refund(
            TenantId tenant, String transactionId, BigDecimal amount, String reason) {
          throw new ReservationException.DependencyUnavailable(
              "No payment service is configured", null);
        }
      };

  /**
   * Charges a reservation in EUR.
   *
   * @throws ReservationException.DependencyUnavailable when the service does not answer in time
   */
  Charge charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount);

  /** Refunds a transaction; {@code amount} zero refunds it in full. */
  Refund refund(TenantId tenant, String transactionId, BigDecimal amount, String reason);

  record Charge(boolean success, String transactionId, String message, String errorCode) {}

  record Refund(boolean success, String refundId, String message, String errorCode) {}
}
