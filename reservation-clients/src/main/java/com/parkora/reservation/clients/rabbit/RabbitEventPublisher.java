package com.parkora.reservation.clients.rabbit;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.port.EventPublisher;
import com.parkora.reservation.port.StoredEvent;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to the {@code reservations} topic exchange as docs/notifications.md describes:
 * routing key {@code reservation.<type>}, persistent, JSON, {@code message_id} = event id, header
 * {@code tenant_id}, the JSON body of every event. A page counts as published only once the broker
 * confirmed every message of it on the channel it was sent on: if the connection dropped in between
 * (and recovered by itself), the page fails and is sent again, since a recovered channel knows
 * nothing of the confirms the old one was owed.
 */
public final class RabbitEventPublisher implements EventPublisher, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RabbitEventPublisher.class);

  private final RabbitSettings settings;
  private final EventCodec codec;
  private final AtomicLong channelLosses = new AtomicLong();
  private Connection connection;
  private Channel channel;

  public RabbitEventPublisher(RabbitSettings settings, EventCodec codec) {
    this.settings = settings;
    this.codec = codec;
  }

  /** The routing key of an event: its type's ({@link EventType#routingKey}). */
  public static String routingKey(StoredEvent event) {
    return event.type().routingKey();
  }

  @Override
  public void publish(StoredEvent event) {
    publishAll(List.of(event));
  }

  @Override
  public synchronized void publishAll(List<StoredEvent> events) {
    try {
      Channel open = channel();
      long losses = channelLosses.get();
      for (StoredEvent event : events) {
        open.basicPublish(
            settings.reservationsExchange(),
            routingKey(event),
            properties(event),
            codec.messageLine(event).getBytes(StandardCharsets.UTF_8));
      }
      open.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
      if (channelLosses.get() != losses) {
        throw new PublishFailedException("the channel was lost before every confirm arrived");
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      throw PublishFailedException.of(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException("interrupted while awaiting confirms");
    }
  }

  private static AMQP.BasicProperties properties(StoredEvent event) {
    return MessageProperties.PERSISTENT_BASIC
        .builder()
        .contentType("application/json")
        .messageId(event.eventId().toString())
        .headers(Map.of("tenant_id", event.tenantId().toString()))
        .build();
  }

  /**
   * The confirming channel, opened (with the exchange declared) on first use. While the connection
   * recovers, the old channel is answered (and fails); a channel the broker closed for good on a
   * live connection is replaced.
   */
  private Channel channel() throws IOException, TimeoutException {
    if (channel != null && (channel.isOpen() || !connection.isOpen())) {
      return channel;
    }
    channel = null;
    if (connection == null) {
      connection = settings.connectionFactory().newConnection("reservation-relay");
      connection.addBlockedListener(
          reason -> LOG.warn("RabbitMQ blocks publishing: {}", reason),
          () -> LOG.info("RabbitMQ publishes again"));
    }
    if (channel == null) {
      Channel created = connection.createChannel();
      created.addShutdownListener(cause -> channelLosses.incrementAndGet());
      created.confirmSelect();
      created.exchangeDeclare(settings.reservationsExchange(), BuiltinExchangeType.TOPIC, true);
      channel = created;
      LOG.info(
          "publishing to exchange '{}' on {}",
          settings.reservationsExchange(),
          settings.describe());
    }
    return channel;
  }

  @Override
  public synchronized void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close(2_000);
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the RabbitMQ connection: {}", e.toString());
    }
    connection = null;
    channel = null;
  }
}
