package com.parkora.reservation.clients.rabbit.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A server-named queue of a test that records every message it receives, in order. */
public final class TestQueue {

  /** One received message. */
  public record Message(String routingKey, AMQP.BasicProperties properties, String body) {}

  private final Channel channel;
  private final String name;
  private final List<Message> received = new ArrayList<>();

  TestQueue(Channel channel, String name) throws IOException {
    this.channel = channel;
    this.name = name;
    channel.basicConsume(
        name,
        true,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            synchronized (received) {
              received.add(
                  new Message(
                      envelope.getRoutingKey(),
                      properties,
                      new String(body, StandardCharsets.UTF_8)));
              received.notifyAll();
            }
          }
        });
  }

  public String name() {
    return name;
  }

  /** Every message so far, in arrival order. */
  public List<Message> messages() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * Waits until {@code done} holds for the messages received, failing after {@code patience} with
   * what did arrive.
   */
  public List<Message> awaitUntil(Predicate<List<Message>> done, Duration patience)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    synchronized (received) {
      while (!done.test(List.copyOf(received))) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError(
              "gave up after " + patience + " with " + received.size() + " messages on " + name);
        }
        received.wait(Math.min(left, 200));
      }
      return List.copyOf(received);
    }
  }

  void close() {
    try {
      channel.queueDelete(name);
      channel.close();
    } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // the broker may be gone at the end of a test; the queue is exclusive and dies with it
    }
  }
}
