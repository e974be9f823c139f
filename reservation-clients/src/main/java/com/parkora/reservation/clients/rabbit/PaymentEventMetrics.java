package com.parkora.reservation.clients.rabbit;

import com.parkora.reservation.port.PaymentNoticeHandler.Handled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the payments consumer did, on {@code /metrics}: {@code
 * reservation_payment_events_consumed_total} counts every delivery, {@code
 * reservation_payment_events_handled_total{outcome}} what each came to: an outcome of the rule
 * ({@code settled}, {@code refund_requested}, {@code refund_completed}, {@code duplicate}, {@code
 * ignored}), {@code dead_lettered} or {@code requeued}.
 */
public final class PaymentEventMetrics {

  private final Counter consumed;
  private final Map<Handled, Counter> handled = new EnumMap<>(Handled.class);
  private final Counter deadLettered;
  private final Counter requeued;

  public PaymentEventMetrics(MeterRegistry registry) {
    this.consumed =
        Counter.builder("reservation.payment.events.consumed")
            .description("Messages delivered from the payment service's events queue")
            .register(registry);
    for (Handled outcome : Handled.values()) {
      if (!outcome.rejected()) {
        handled.put(outcome, outcome(registry, outcome.name().toLowerCase(Locale.ROOT)));
      }
    }
    this.deadLettered = outcome(registry, "dead_lettered");
    this.requeued = outcome(registry, "requeued");
  }

  private static Counter outcome(MeterRegistry registry, String outcome) {
    return Counter.builder("reservation.payment.events.handled")
        .description("What the payment service's events came to")
        .tag("outcome", outcome)
        .register(registry);
  }

  void consumed() {
    consumed.increment();
  }

  void handled(Handled outcome) {
    handled.get(outcome).increment();
  }

  void deadLettered() {
    deadLettered.increment();
  }

  void requeued() {
    requeued.increment();
  }
}
