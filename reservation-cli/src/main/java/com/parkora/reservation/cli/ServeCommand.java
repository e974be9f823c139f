package com.parkora.reservation.cli;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.http.HttpApi;
import com.parkora.reservation.http.HttpSettings;
import com.parkora.reservation.memory.InMemoryStorage;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code serve}: runs the HTTP service until SIGTERM or SIGINT, then stops accepting, lets requests
 * in flight finish, closes the store and exits 0 within {@link #EXIT_DEADLINE}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the service: GraphQL, REST, health, metrics. Without DATABASE_URL, on the "
            + "embedded store in DATA_DIR (one process only).")
final class ServeCommand extends StoreCommand {

  static final Duration EXIT_DEADLINE = Duration.ofMillis(9_500);

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port; overrides PORT (8000).")
  Integer port;

  @Option(
      names = "--default-tenant",
      paramLabel = "UUID",
      description = "Tenant of requests that name none; overrides DEFAULT_TENANT_ID.")
  TenantId defaultTenant;

  private final AtomicBoolean stopping = new AtomicBoolean();

  ServeCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws InterruptedException {
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    Config config = effectiveConfig();
    log.info("reservation {} starting, configuration (secrets masked):", BuildInfo.version());
    config.describe().forEach(line -> log.info("  {}", line));
    Thread warmUp = Thread.ofPlatform().name("http-warm-up").start(ServeCommand::warmUpHttp);
    Bootstrap bootstrap = Bootstrap.open(config);
    warmUp.join();
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      banner(log, config, bootstrap);
      Javalin app = bootstrap.startHttp();
      bootstrap.startExpiry(Bootstrap.EXPIRY_INTERVAL);
      bootstrap.startRefunds(Bootstrap.REFUND_INTERVAL);
      if (!bootstrap.startPublishing()) {
        log.info("publishing: RABBITMQ_HOST is unset, events are not published");
      }
      if (!bootstrap.startPaymentEvents()) {
        log.info("payment events: RABBITMQ_HOST is unset, the payment service's are not consumed");
      }
      onStopSignal(() -> stop(log, bootstrap, stopped));
      log.info(
          "ready on http://localhost:{}/ (GraphQL at /graphql) {} ms after the JVM started",
          app.port(),
          sinceJvmStart().toMillis());
    } catch (RuntimeException e) {
      bootstrap.close();
      throw e;
    }
    stopped.await();
    return Main.OK;
  }

  /**
   * Builds a throwaway HTTP app (never started) on an in-memory store while the main thread opens
   * and migrates the database: loading and initialising the GraphQL and web classes then overlaps
   * with waiting for PostgreSQL, and the real app is built from warm classes. Half a second off the
   * start on two cores.
   */
  private static void warmUpHttp() {
    try (var storage = new InMemoryStorage()) {
      HttpApi.create(ReservationService.builder(storage).build(), HttpSettings.defaults());
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(ServeCommand.class).debug("HTTP warm-up failed; starting cold", e);
    }
  }

  private Config effectiveConfig() {
    ConfigBuilder config = config().toBuilder();
    if (port != null) {
      config.port(Config.flagPort("--port", port));
    }
    if (defaultTenant != null) {
      config.defaultTenant(defaultTenant);
    }
    return config.build();
  }

  private static void banner(Logger log, Config config, Bootstrap bootstrap) {
    log.info("data: {}", bootstrap.storeDescription());
    if (config.embedded()) {
      log.info(
          "the embedded store is for ONE process: its state lives in this process's memory "
              + "and the journal above; set DATABASE_URL (PostgreSQL) to run several instances");
    }
    log.info(
        "payments: {}:{} over gRPC ({}), refunds retried until they succeed",
        config.paymentServiceHost(),
        config.paymentServicePort(),
        config.paymentServiceTls() ? "TLS" : "plaintext");
    log.info(
        "parking spots: {}",
        config.parkingServiceUrl().map(url -> "checked with " + url).orElse("any spot accepted"));
  }

  /**
   * SIGTERM and SIGINT stop the service gracefully and {@code serve} returns normally, so the
   * process exits 0 with every shutdown hook run (left to the JVM, a signal ends it with 143).
   */
  private static void onStopSignal(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name), signal -> Thread.ofPlatform().name("graceful-stop").start(stop));
    }
  }

  /**
   * Closes everything, then lets {@code serve} return; a stop that hangs is cut at {@link
   * #EXIT_DEADLINE}. A stop that finished is not cut: the JVM's exit after it may take longer (a
   * training run writes its ahead-of-time cache then).
   */
  private void stop(Logger log, Bootstrap bootstrap, CountDownLatch stopped) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                if (stopped.await(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                  return;
                }
                log.error(
                    "graceful stop did not finish within {} ms; halting", EXIT_DEADLINE.toMillis());
                Runtime.getRuntime().halt(Main.FAILURE);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    log.info(
        "stopping: no new requests, finishing those in flight (up to {} s)",
        Bootstrap.GRACE.toSeconds());
    bootstrap.close();
    log.info("stopped");
    stopped.countDown();
  }

  private static Duration sinceJvmStart() {
    return Duration.ofMillis(
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
  }
}
