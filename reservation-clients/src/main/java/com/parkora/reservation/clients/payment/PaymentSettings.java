package com.parkora.reservation.clients.payment;

import com.parkora.reservation.clients.Timeouts;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the payment service answers and how long a call may take.
 *
 * @param timeout the deadline of every call ({@code GRPC_TIMEOUT})
 * @param tls TLS with the JVM's default trust store instead of plaintext ({@code
 *     PAYMENT_SERVICE_TLS})
 */
public record PaymentSettings(String host, int port, Duration timeout, boolean tls) {

  public PaymentSettings {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, got " + port);
    }
    Timeouts.positive("timeout", timeout);
  }
}
