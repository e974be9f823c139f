package com.parkora.reservation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.http.AuthMode;
import com.parkora.reservation.http.CallerResolver;
import com.parkora.reservation.http.HttpApi;
import com.parkora.reservation.http.HttpSettings;
import com.parkora.reservation.http.TokenVerifier;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.Storage;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: builds the store, the service, the metrics registry and, for {@code
 * serve}, the HTTP server and background work, all from a {@link Config}. Every command goes
 * through it. Closing it closes what it built, in reverse order.
 */
public final class Bootstrap implements AutoCloseable {

  /** How long a stopping server lets requests in flight finish. */
  public static final Duration GRACE = Duration.ofSeconds(8);

  public static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(30);

  public static final Duration REFUND_INTERVAL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private final Config config;
  private final EventCodec codec;
  private final Deque<Resource> resources = new ArrayDeque<>();
  private final Stores.Store store;
  private final PrometheusMeterRegistry metrics;
  private final ReservationService service;

  private Bootstrap(Config config) {
    this.config = config;
    this.codec = new EventCodec();
    try {
      this.store = Stores.open(config, codec, this::onClose);
      this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      onClose("metrics registry", metrics::close);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      new UptimeMetrics().bindTo(metrics);
      this.service =
          ReservationService.builder(store.storage())
              .pendingHold(config.pendingHold())
              .paymentGateway(OutsideServices.paymentGateway(config, metrics, this::onClose))
              .paymentCallLimit(OutsideServices.callLimit(config))
              .spots(OutsideServices.spots(config, new ObjectMapper()))
              .startGrace(config.startGrace())
              .idempotencyTtl(config.idempotencyTtl())
              .build();
      Gauge.builder(
              "payment.refunds.pending",
              () -> orNaN(service.paymentAdministration()::pendingRefunds))
          .description("Refunds owed and not yet made, across tenants")
          .register(metrics);
      Gauge.builder(
              "payment.refunds.refused",
              () -> orNaN(service.paymentAdministration()::refusedRefundCount))
          .description("Refunds the payment service refused for good, waiting for an operator")
          .register(metrics);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Opens the store the configuration names (migrating PostgreSQL first) and builds the service.
   */
  public static Bootstrap open(Config config) {
    return new Bootstrap(config);
  }

  public EventCodec codec() {
    return codec;
  }

  public Storage storage() {
    return store.storage();
  }

  public ReservationService service() {
    return service;
  }

  /** Where the data lives, for banners and summaries. */
  public String storeDescription() {
    return store.description();
  }

  /** The schema version after migration; empty for the embedded store. */
  public Optional<String> schemaVersion() {
    return store.schemaVersion();
  }

  /**
   * Builds the HTTP API and starts it on the configured port; stopping it lets requests in flight
   * finish for up to {@link #GRACE}.
   */
  public Javalin startHttp() {
    HttpSettings settings =
        HttpSettings.builder()
            .corsOrigins(config.corsOrigins())
            .defaultTenant(config.defaultTenant())
            .meterRegistry(metrics)
            .authMode(config.auth().mode())
            .callerResolver(callers())
            .build();
    Javalin app = HttpApi.create(service, settings);
    Server server = app.jettyServer().server();
    server.setStopTimeout(GRACE.toMillis());
    server.insertHandler(new GracefulHandler());
    onClose("HTTP server", app::stop);
    app.start(config.port());
    bindGcMetrics();
    return app;
  }

  /**
   * The GC pauses and allocation, bound once the server answers: their JMX notifications load
   * classes a small pod would otherwise load before it is ready.
   */
  private void bindGcMetrics() {
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics);
    onClose("GC metrics", gc::close);
  }

  /**
   * The token verifier when authentication is on (its keys fetched now; an unreachable Keycloak is
   * a warning, not a failure), else anonymous callers.
   */
  private CallerResolver callers() {
    if (config.auth().mode() == AuthMode.OFF) {
      return CallerResolver.NONE;
    }
    TokenVerifier verifier = TokenVerifier.start(config.auth().tokenSettings());
    onClose("token verifier", verifier::close);
    return verifier;
  }

  /** Starts sending the refunds owed, every {@code interval}, until each succeeds. */
  public void startRefunds(Duration interval) {
    RefundWorker worker = RefundWorker.start(service, interval);
    onClose("refund worker", worker::close);
  }

  /** For the gauge: a store that does not answer shows as no value, never as an error. */
  private static double orNaN(LongSupplier count) {
    try {
      return count.getAsLong();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Starts expiring pending reservations whose hold ran out, every {@code interval}. */
  public void startExpiry(Duration interval) {
    Expiry expiry = Expiry.start(service, store.storage(), interval);
    onClose("expiry", expiry::close);
  }

  /**
   * Starts relaying every committed event to RabbitMQ when {@code RABBITMQ_HOST} is set; answers
   * whether it did.
   */
  public boolean startPublishing() {
    Optional<RabbitSettings> rabbit = rabbit();
    rabbit.ifPresent(r -> onClose("event relay", Publishing.start(store, r, codec, metrics)));
    return rabbit.isPresent();
  }

  /**
   * Starts consuming the payment service's events (docs/notifications.md) when {@code
   * RABBITMQ_HOST} is set; answers whether it did. Stopping lets the message in flight finish.
   */
  public boolean startPaymentEvents() {
    Optional<RabbitSettings> rabbit = rabbit();
    rabbit.ifPresent(
        r -> onClose("payment events consumer", PaymentEvents.start(service, config, r, metrics)));
    return rabbit.isPresent();
  }

  private Optional<RabbitSettings> rabbit() {
    return config
        .rabbitmqHost()
        .map(
            host ->
                RabbitSettings.of(
                    host,
                    config.rabbitmqPort(),
                    config.rabbitmqUser(),
                    config.rabbitmqPassword().orElse(null)));
  }

  /** A signal of commits to the store, for a reader that follows the feed; close it when done. */
  public CommitSignal newCommitSignal() {
    return store.commitSignals().get();
  }

  private void onClose(String name, AutoCloseable resource) {
    resources.push(new Resource(name, resource));
  }

  /** Closes everything built, newest first; a failure is logged and the rest still close. */
  @Override
  public void close() {
    while (!resources.isEmpty()) {
      Resource next = resources.pop();
      try {
        next.resource().close();
      } catch (Exception e) {
        LOG.warn("closing the {} failed: {}", next.name(), Failures.oneLine(e), e);
      }
    }
  }

  private record Resource(String name, AutoCloseable resource) {}
}
