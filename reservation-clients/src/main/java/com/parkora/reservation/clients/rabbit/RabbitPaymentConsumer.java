package com.parkora.reservation.clients.rabbit;

import com.parkora.reservation.clients.rabbit.PaymentDeliveries.Verdict;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the payment service's events from this service's own durable queue (see {@link
 * PaymentTopology}) with manual acknowledgements and a bounded prefetch: at least once, each
 * message acknowledged only after the handler recorded what it came to, so a message in flight when
 * an instance dies is delivered again (the handler is idempotent). Connecting is retried with
 * backoff until it succeeds; afterwards the client recovers the connection, channel, topology and
 * consumer by itself. Closing stops consuming, lets the message in flight finish and closes the
 * connection; messages prefetched but not handled return to the queue.
 */
public final class RabbitPaymentConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RabbitPaymentConsumer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(4);

  private final RabbitSettings rabbit;
  private final PaymentQueueSettings queue;
  private final PaymentDeliveries deliveries;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch consuming = new CountDownLatch(1);
  private final ReentrantLock handling = new ReentrantLock();
  private final Thread connector;
  private Connection connection;
  private Channel channel;
  private String consumerTag;
  private int failuresInRow;

  private RabbitPaymentConsumer(
      RabbitSettings rabbit, PaymentQueueSettings queue, PaymentDeliveries deliveries) {
    this.rabbit = rabbit;
    this.queue = queue;
    this.deliveries = deliveries;
    this.connector =
        Thread.ofPlatform().name("payments-consumer").daemon().unstarted(this::connect);
  }

  /** Starts connecting in the background; consuming begins once the broker answers. */
  public static RabbitPaymentConsumer start(
      RabbitSettings rabbit,
      PaymentQueueSettings queue,
      PaymentNoticeHandler handler,
      PaymentEventMetrics metrics) {
    RabbitPaymentConsumer consumer =
        new RabbitPaymentConsumer(rabbit, queue, new PaymentDeliveries(handler, metrics));
    consumer.connector.start();
    return consumer;
  }

  /** Waits until the queue is declared and consumed from; false when {@code patience} ran out. */
  public boolean awaitConsuming(Duration patience) throws InterruptedException {
    return consuming.await(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void connect() {
    for (int attempt = 1; stopping.getCount() > 0; attempt++) {
      try {
        subscribe();
        return;
      } catch (IOException | TimeoutException | RuntimeException e) {
        Duration wait = queue.backoff(attempt);
        LOG.warn(
            "payments queue '{}' on {} not consumed yet, retrying in {} ms: {}",
            queue.queue(),
            rabbit.describe(),
            wait.toMillis(),
            e.getMessage() == null ? e.toString() : e.getMessage());
        if (pause(wait)) {
          return;
        }
      }
    }
  }

  private void subscribe() throws IOException, TimeoutException {
    Connection opened = rabbit.connectionFactory().newConnection("reservation-payments");
    try {
      Channel channel = opened.createChannel();
      PaymentTopology.declare(opened, channel, rabbit.paymentsExchange(), queue);
      channel.basicQos(queue.prefetch());
      synchronized (this) {
        if (stopping.getCount() == 0) {
          opened.abort();
          return;
        }
        consumerTag = channel.basicConsume(queue.queue(), false, new Deliveries(channel));
        this.channel = channel;
        connection = opened;
      }
    } catch (IOException | RuntimeException e) {
      opened.abort();
      throw e;
    }
    consuming.countDown();
    LOG.info(
        "consuming the payment service's events from queue '{}' (exchange '{}') on {}",
        queue.queue(),
        rabbit.paymentsExchange(),
        rabbit.describe());
  }

  /** Handles one delivery at a time (a channel's deliveries arrive in order, on one thread). */
  private final class Deliveries extends DefaultConsumer {
    Deliveries(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      handling.lock();
      try {
        if (stopping.getCount() == 0) {
          getChannel().basicNack(envelope.getDeliveryTag(), false, true);
          return;
        }
        settle(envelope, deliveries.handle(envelope.getRoutingKey(), body));
      } finally {
        handling.unlock();
      }
    }

    private void settle(Envelope envelope, Verdict verdict) throws IOException {
      long tag = envelope.getDeliveryTag();
      switch (verdict) {
        case ACK -> {
          failuresInRow = 0;
          getChannel().basicAck(tag, false);
        }
        case DEAD_LETTER -> getChannel().basicReject(tag, false);
        case REQUEUE -> {
          pause(queue.backoff(++failuresInRow));
          getChannel().basicNack(tag, false, true);
        }
      }
    }

    @Override
    public void handleCancel(String consumerTag) {
      LOG.error("RabbitMQ cancelled the consumer of queue '{}' (was it deleted?)", queue.queue());
    }
  }

  /** Waits {@code wait} unless closing begins; answers whether it did. */
  private boolean pause(Duration wait) {
    try {
      return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** No new deliveries; those the client already holds are requeued as they arrive. */
  private void stopConsuming() {
    try {
      channel.basicCancel(consumerTag);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cancelling the payments consumer: {}", e.toString());
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopping.countDown();
    connector.join(1_000);
    Connection open;
    synchronized (this) {
      open = connection;
      connection = null;
    }
    if (open == null) {
      return;
    }
    stopConsuming();
    if (handling.tryLock(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      handling.unlock();
    } else {
      LOG.warn(
          "a payment event was still being handled after {}; it will be redelivered", STOP_GRACE);
    }
    try {
      open.close(2_000);
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the payments connection: {}", e.toString());
    }
  }
}
