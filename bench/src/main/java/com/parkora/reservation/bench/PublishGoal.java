package com.parkora.reservation.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishing to RabbitMQ under the command load: the p99 of commit-to-publish lag (an event's
 * {@code occurred_at} to the broker's confirm, from the service's own histogram) and how many
 * events a second the relay publishes when it drains a backlog. Messages go to a durable queue, so
 * the broker writes them to disk before it confirms, as it would for the notification service.
 */
record PublishGoal(Workbench bench) {

  static final String QUEUE = "reservation_bench.notifications";

  void run() throws Exception {
    System.out.println("== publish: relay lag under the command load, relay throughput");
    String db = bench.freshDatabase("reservation_bench_publish");
    Map<String, String> env =
        Map.of(
            "RABBITMQ_HOST", "127.0.0.1", "RABBITMQ_USER", "guest", "RABBITMQ_PASSWORD", "guest");
    try (Connection rabbit = connect();
        Channel channel = rabbit.createChannel()) {
      channel.exchangeDeclare("reservations", BuiltinExchangeType.TOPIC, true);
      channel.queueDeclare(QUEUE, true, false, false, null);
      channel.queueBind(QUEUE, "reservations", "#");
      channel.queuePurge(QUEUE);
      underLoad(db, env);
      drain(db, env);
      channel.queueDelete(QUEUE);
    }
    bench.dropDatabase(db);
  }

  private void underLoad(String db, Map<String, String> env) throws Exception {
    try (ServiceProcess service = serve(db, env, "serve-publish.log")) {
      service.awaitReady(Duration.ofSeconds(60));
      bench.commandLoad(service, "publish-warm-up", Duration.ofSeconds(bench.quick() ? 5 : 20));
      awaitCaughtUp(service);
      ServerHistogram before = lag(service);
      Wrk.Outcome outcome =
          bench.commandLoad(service, "publish-measured", Duration.ofSeconds(bench.seconds()));
      awaitCaughtUp(service);
      ServerHistogram after = lag(service);
      bench
          .report()
          .add(
              Result.info(
                  "commit-to-publish lag p50 / p99 (ms, server side, under the command load)",
                  String.format(
                      "%.0f / %.0f",
                      after.percentileMillisSince(before, 50),
                      after.percentileMillisSince(before, 99)),
                  "n/a"));
      bench
          .report()
          .add(
              Result.info(
                  "commands/s with publishing on (16 clients, deployment JVM)",
                  String.format("%,.0f", outcome.throughput()),
                  "n/a"));
    }
  }

  /** Publishes every stored event again from the start and times it. */
  private void drain(String db, Map<String, String> env) throws Exception {
    long events = Long.parseLong(bench.shell().psql(db, "SELECT count(*) FROM event_store").trim());
    bench.shell().psql(db, "DELETE FROM feed_checkpoints; DELETE FROM feed_leases");
    try (ServiceProcess service = serve(db, env, "serve-publish-drain.log")) {
      service.awaitReady(Duration.ofSeconds(60));
      long started = System.nanoTime();
      while (metric(service, "reservation_relay_published_total") < events) {
        if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
          throw new IllegalStateException("the relay did not publish " + events + " events");
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      bench
          .report()
          .add(
              Result.info(
                  "relay throughput, draining "
                      + String.format("%,d", events)
                      + " events (events/s)",
                  String.format("%,.0f", events / seconds),
                  "n/a"));
    }
  }

  private ServiceProcess serve(String db, Map<String, String> env, String log) throws IOException {
    return ServiceProcess.serve(
        bench.jar(),
        Jvm.DEPLOYMENT,
        bench.url(db),
        18084,
        bench.scratch().resolve(log),
        env,
        Jvm.deploymentPod("publish"));
  }

  private static void awaitCaughtUp(ServiceProcess service) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (metric(service, "reservation_relay_lag_events") > 0
        || metric(service, "reservation_relay_lease_held") < 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the relay did not catch up within 5 minutes");
      }
      Thread.sleep(100);
    }
  }

  private static ServerHistogram lag(ServiceProcess service) throws Exception {
    return ServerHistogram.scrape(
        service.baseUrl(), "reservation_relay_publish_lag_seconds_bucket", "");
  }

  /** A gauge or counter without labels from {@code /metrics}; 0 when absent. */
  static double metric(ServiceProcess service, String name)
      throws IOException, InterruptedException {
    String text = ServerHistogram.metrics(service.baseUrl());
    Matcher m =
        Pattern.compile("^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static Connection connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    try {
      return factory.newConnection("reservation-bench");
    } catch (IOException e) {
      throw new IllegalStateException(
          "RabbitMQ does not answer on 127.0.0.1:5672; start it: rabbitmq-server -detached", e);
    }
  }
}
