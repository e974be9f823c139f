package com.parkora.reservation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.clients.parking.HttpSpotDirectory;
import com.parkora.reservation.clients.parking.ParkingSettings;
import com.parkora.reservation.clients.payment.GrpcPaymentGateway;
import com.parkora.reservation.clients.payment.MeteredPaymentGateway;
import com.parkora.reservation.clients.payment.PaymentSettings;
import com.parkora.reservation.port.PaymentGateway;
import com.parkora.reservation.port.SpotDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * The clients of the services this one calls, built from the configuration: the payment service
 * over gRPC (one channel, closed with the rest) and, when {@code PARKING_SERVICE_URL} is set, the
 * parking service over HTTP.
 */
final class OutsideServices {

  /** How long a pay waits beyond the call's deadline before a claim counts as abandoned. */
  static final Duration CALL_MARGIN = Duration.ofSeconds(5);

  private OutsideServices() {}

  static PaymentGateway paymentGateway(Config config, MeterRegistry metrics, Closer closer) {
    GrpcPaymentGateway grpc =
        new GrpcPaymentGateway(
            new PaymentSettings(
                config.paymentServiceHost(),
                config.paymentServicePort(),
                config.grpcTimeout(),
                config.paymentServiceTls()));
    closer.onClose("payment channel", grpc::close);
    return new MeteredPaymentGateway(grpc, metrics);
  }

  static SpotDirectory spots(Config config, ObjectMapper json) {
    return config
        .parkingServiceUrl()
        .<SpotDirectory>map(
            url ->
                new HttpSpotDirectory(
                    new ParkingSettings(
                        parkingUrl(url),
                        config.parkingServiceTimeout(),
                        config.parkingCacheTtl(),
                        ParkingSettings.DEFAULT_MISS_REFRESH),
                    json,
                    Clock.systemUTC()))
        .orElse(SpotDirectory.ANY);
  }

  /** The longest a charge can take: its deadline and a margin. */
  static Duration callLimit(Config config) {
    return config.grpcTimeout().plus(CALL_MARGIN);
  }

  private static URI parkingUrl(String raw) {
    try {
      URI url = URI.create(raw);
      if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return url;
    } catch (IllegalArgumentException e) {
      throw new CliException("PARKING_SERVICE_URL must be an http(s) URL, got '" + raw + "'");
    }
  }

  /** Where a built client registers its close. */
  @FunctionalInterface
  interface Closer {
    void onClose(String name, AutoCloseable resource);
  }
}
