package com.parkora.reservation.clients.rabbit.testing;

import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The RabbitMQ server of the tests ({@code 127.0.0.1:5672}, guest/guest), with exchanges and queues
 * of their own that are deleted on {@link #close()}. A server that does not answer fails the test
 * with how to start one; it is never skipped.
 *
 * <p>As a JUnit extension on an instance field it connects for each test and closes after it:
 * {@code @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();}
 */
public final class RabbitBroker implements AutoCloseable, AfterEachCallback {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5672;

  private final Connection connection;
  private final List<String> exchanges = new ArrayList<>();
  private final List<TestQueue> queues = new ArrayList<>();

  private RabbitBroker(Connection connection) {
    this.connection = connection;
  }

  public static RabbitBroker connect() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(HOST);
    factory.setPort(PORT);
    factory.setConnectionTimeout(5_000);
    try {
      return new RabbitBroker(factory.newConnection("reservation-tests"));
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException(
          "RabbitMQ is not reachable at "
              + HOST
              + ":"
              + PORT
              + " ("
              + e
              + "). Start it with `rabbitmq-server -detached` (as guest/guest on the default port).",
          e);
    }
  }

  /** Settings for the broker with exchanges of this test's own. */
  public RabbitSettings settings() {
    return settings(PORT);
  }

  /** Settings for the broker reached through {@code port} (a proxy), exchanges of this test. */
  public RabbitSettings settings(int port) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String reservations = "test.reservations." + suffix;
    String payments = "test.payments." + suffix;
    exchanges.add(reservations);
    exchanges.add(payments);
    return RabbitSettings.of(HOST, port, "guest", "guest").withExchanges(reservations, payments);
  }

  /** A queue bound to {@code exchange} (declared durable topic if missing) with {@code key}. */
  public TestQueue bind(String exchange, String key) {
    try {
      Channel channel = connection.createChannel();
      channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
      String queue = channel.queueDeclare().getQueue();
      channel.queueBind(queue, exchange, key);
      TestQueue bound = new TestQueue(channel, queue);
      queues.add(bound);
      return bound;
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a test queue to " + exchange, e);
    }
  }

  /** Publishes a raw message, as another service would. */
  public void publish(String exchange, String key, byte[] body) {
    try (Channel channel = connection.createChannel()) {
      channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
      channel.basicPublish(exchange, key, null, body);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to " + exchange, e);
    }
  }

  /** Deletes a queue the code under test declared. */
  public void deleteQueue(String queue) {
    try (Channel channel = connection.createChannel()) {
      channel.queueDelete(queue);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot delete queue " + queue, e);
    }
  }

  /** Deletes an exchange the code under test declared. */
  public void deleteExchange(String exchange) {
    try (Channel channel = connection.createChannel()) {
      channel.exchangeDelete(exchange);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("cannot delete exchange " + exchange, e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    close();
  }

  @Override
  public void close() throws IOException {
    queues.forEach(TestQueue::close);
    try (Channel channel = connection.createChannel()) {
      for (String exchange : exchanges) {
        channel.exchangeDelete(exchange);
      }
    } catch (TimeoutException e) {
      throw new IOException(e);
    } finally {
      connection.close();
    }
  }
}
