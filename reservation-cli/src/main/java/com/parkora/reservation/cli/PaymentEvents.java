package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.rabbit.PaymentEventMetrics;
import com.parkora.reservation.clients.rabbit.PaymentQueueSettings;
import com.parkora.reservation.clients.rabbit.RabbitPaymentConsumer;
import com.parkora.reservation.clients.rabbit.RabbitSettings;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumer of the payment service's events, as {@code serve} runs it: this service's queue
 * ({@code RABBITMQ_PAYMENTS_QUEUE}) on the broker the relay publishes to, the core's rule applied
 * to each message, its figures on {@code /metrics}. Every instance consumes: the rule is safe with
 * several, through the store.
 */
final class PaymentEvents {

  private PaymentEvents() {}

  static RabbitPaymentConsumer start(
      ReservationService service, Config config, RabbitSettings rabbit, MeterRegistry metrics) {
    PaymentQueueSettings queue =
        PaymentQueueSettings.DEFAULTS.withQueue(config.rabbitmqPaymentsQueue());
    return RabbitPaymentConsumer.start(
        rabbit, queue, service.paymentAdministration().notices(), new PaymentEventMetrics(metrics));
  }
}
