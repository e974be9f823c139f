package com.parkora.reservation.clients.rabbit;

import com.parkora.reservation.clients.Timeouts;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where RabbitMQ is and which exchanges to use (docs/notifications.md). The exchange names are the
 * contract's; tests give their own to stay apart from each other.
 *
 * @param confirmTimeout how long a page of published events may wait for the broker's confirms;
 *     positive
 */
public record RabbitSettings(
    String host,
    int port,
    String user,
    String password,
    String reservationsExchange,
    String paymentsExchange,
    Duration confirmTimeout) {

  public static final String RESERVATIONS_EXCHANGE = "reservations";
  public static final String PAYMENTS_EXCHANGE = "payments";
  public static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

  public RabbitSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(reservationsExchange, "reservationsExchange");
    Objects.requireNonNull(paymentsExchange, "paymentsExchange");
    Timeouts.positive("confirmTimeout", confirmTimeout); // zero would stall the relay
  }

  /** The contract's exchanges; {@code password} may be null (RabbitMQ's default then applies). */
  public static RabbitSettings of(String host, int port, String user, String password) {
    return new RabbitSettings(
        host, port, user, password, RESERVATIONS_EXCHANGE, PAYMENTS_EXCHANGE, CONFIRM_TIMEOUT);
  }

  public RabbitSettings withExchanges(String reservations, String payments) {
    return new RabbitSettings(host, port, user, password, reservations, payments, confirmTimeout);
  }

  /** A factory whose connections recover by themselves (topology included) after a loss. */
  ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername(user);
    if (password != null) {
      factory.setPassword(password);
    }
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(1_000);
    factory.setConnectionTimeout(5_000);
    factory.setHandshakeTimeout(5_000);
    factory.setRequestedHeartbeat(10);
    factory.setExceptionHandler(new QuietRecovery());
    return factory;
  }

  /** Logs each failed attempt to recover a connection as one line, not a stack trace a second. */
  private static final class QuietRecovery extends ForgivingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitSettings.class);

    @Override
    public void handleConnectionRecoveryException(Connection connection, Throwable exception) {
      LOG.debug("RabbitMQ connection not recovered yet: {}", exception.toString());
    }
  }

  /** {@code user@host:port}, for logs. */
  public String describe() {
    return user + "@" + host + ":" + port;
  }
}
