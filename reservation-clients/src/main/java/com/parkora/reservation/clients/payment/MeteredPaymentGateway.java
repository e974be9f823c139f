package com.parkora.reservation.clients.payment;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * Times every call to the payment service and counts its results: {@code payment.calls} with the
 * rpc ({@code ProcessPayment}, {@code RefundPayment}) and the result ({@code charged}, {@code
 * declined}, {@code unavailable}, {@code unknown}, {@code refunded}, {@code refused}).
 */
public final class MeteredPaymentGateway implements PaymentGateway {

  private final PaymentGateway inner;
  private final MeterRegistry registry;

  public MeteredPaymentGateway(PaymentGateway inner, MeterRegistry registry) {
    this.inner = inner;
    this.registry = registry;
  }

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    Timer.Sample sample = Timer.start(registry);
    ChargeResult result = inner.charge(tenant, reservationId, userId, amount);
    sample.stop(timer("ProcessPayment", result.getClass().getSimpleName()));
    return result;
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    Timer.Sample sample = Timer.start(registry);
    RefundResult result = inner.refund(tenant, transactionId, amount, reason);
    sample.stop(timer("RefundPayment", result.getClass().getSimpleName()));
    return result;
  }

  private Timer timer(String rpc, String result) {
    return Timer.builder("payment.calls")
        .description("Calls to the payment service by rpc and result")
        .tags("rpc", rpc, "result", result.toLowerCase(Locale.ROOT))
        .publishPercentileHistogram()
        .register(registry);
  }
}
