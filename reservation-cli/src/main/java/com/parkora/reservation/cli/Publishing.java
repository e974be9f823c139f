package com.parkora.reservation.cli;

import com.parkora.reservation.clients.rabbit.RabbitEventPublisher;
import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.relay.FeedReader;
import com.parkora.reservation.relay.FeedRelay;
import com.parkora.reservation.relay.RelaySettings;
import com.parkora.reservation.relay.RelayStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay of every committed event to RabbitMQ, as {@code serve} runs it: the store's feed,
 * commit signal and lease, the AMQP publisher, and the relay's figures on {@code /metrics}. Closing
 * stops the relay after the page in flight (its confirms awaited), then closes the connection and
 * the signal.
 */
record Publishing(CommitSignal signal, RabbitEventPublisher publisher, FeedRelay relay)
    implements AutoCloseable {

  /** The feed consumer name of the relay: its lease and checkpoint. */
  static final String CONSUMER = "rabbitmq";

  /** How long a stopping relay may wait for the confirms of the page in flight. */
  static final Duration STOP_GRACE = Duration.ofSeconds(4);

  private static final Duration[] LAG_OBJECTIVES =
      java.util.stream.IntStream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
          .mapToObj(Duration::ofMillis)
          .toArray(Duration[]::new);

  private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

  static Publishing start(
      Stores.Store store, RabbitSettings rabbit, EventCodec codec, MeterRegistry metrics) {
    CommitSignal signal = store.commitSignals().get();
    RabbitEventPublisher publisher = new RabbitEventPublisher(rabbit, codec);
    RelaySettings settings = RelaySettings.DEFAULTS;
    FeedReader reader =
        new FeedReader(
            store.storage().feed(), signal, settings.pageSize(), settings.pollInterval());
    FeedRelay relay =
        FeedRelay.start(
            reader, publisher, store.leases().apply(CONSUMER), settings, Clock.systemUTC());
    register(relay.stats(), metrics);
    LOG.info(
        "publishing every event to exchange '{}' on {}",
        rabbit.reservationsExchange(),
        rabbit.describe());
    return new Publishing(signal, publisher, relay);
  }

  private static void register(RelayStats stats, MeterRegistry metrics) {
    FunctionCounter.builder("reservation.relay.published", stats, RelayStats::published)
        .description("Events RabbitMQ confirmed")
        .register(metrics);
    FunctionCounter.builder("reservation.relay.failed", stats, RelayStats::failed)
        .description("Events whose publishing failed (each retry counts)")
        .register(metrics);
    Gauge.builder("reservation.relay.lease.held", stats, s -> s.leaseHeld() ? 1 : 0)
        .description("1 when this instance is the one publishing")
        .register(metrics);
    Gauge.builder("reservation.relay.lag.events", stats, RelayStats::lagEvents)
        .description("Events stored but not yet confirmed by RabbitMQ")
        .register(metrics);
    Timer lag =
        Timer.builder("reservation.relay.publish.lag")
            .description("From an event's occurred_at to RabbitMQ's confirm")
            .serviceLevelObjectives(LAG_OBJECTIVES)
            .register(metrics);
    stats.onConfirmed(lag::record);
    Gauge.builder(
            "reservation.relay.lag.seconds",
            stats,
            s -> s.lag(Clock.systemUTC().instant()).toMillis() / 1000.0)
        .description("Age of the oldest event not yet confirmed by RabbitMQ")
        .register(metrics);
  }

  RelayStats stats() {
    return relay.stats();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      relay.stop(STOP_GRACE);
    } finally {
      publisher.close();
      signal.close();
    }
  }
}
