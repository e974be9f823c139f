package com.parkora.reservation.clients.rabbit;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares what the payments consumer reads from: the payment service's exchange (only when it is
 * missing, so its owner's declaration wins whatever its arguments), this service's durable queue
 * bound to {@code payment.processed} and {@code payment.refunded}, and a dead-letter exchange and
 * queue for the messages the consumer rejects.
 */
final class PaymentTopology {

  private PaymentTopology() {}

  static void declare(
      Connection connection, Channel channel, String exchange, PaymentQueueSettings queue)
      throws IOException {
    if (!exists(connection, exchange)) {
      channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    }
    channel.exchangeDeclare(queue.deadLetterExchange(), BuiltinExchangeType.TOPIC, true);
    channel.queueDeclare(queue.deadLetterQueue(), true, false, false, null);
    channel.queueBind(queue.deadLetterQueue(), queue.deadLetterExchange(), "#");
    channel.queueDeclare(
        queue.queue(),
        true,
        false,
        false,
        Map.of("x-dead-letter-exchange", queue.deadLetterExchange()));
    channel.queueBind(queue.queue(), exchange, PaymentMessages.PROCESSED);
    channel.queueBind(queue.queue(), exchange, PaymentMessages.REFUNDED);
  }

  /** A passive declaration on a channel of its own: a missing exchange closes that channel only. */
  private static boolean exists(Connection connection, String exchange) throws IOException {
    Channel probe = connection.createChannel();
    try {
      probe.exchangeDeclarePassive(exchange);
      return true;
    } catch (IOException notFound) {
      return false;
    } finally {
      closeQuietly(probe);
    }
  }

  private static void closeQuietly(Channel channel) {
    if (!channel.isOpen()) {
      return;
    }
    try {
      channel.close();
    } catch (IOException | TimeoutException | RuntimeException e) {
      // the probe has done its work
    }
  }
}
