package com.parkora.reservation.http;

import com.parkora.reservation.app.DeleteOutcome;
import com.parkora.reservation.app.PaymentOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The service's own meters: request latency per route, GraphQL latency per operation name, and
 * command outcomes by code. Operation names come from clients, so only a bounded number of
 * well-formed names become tags; the rest count as {@code other}.
 */
final class HttpMetrics {

  private static final int MAX_OPERATION_NAMES = 200;
  private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private final MeterRegistry registry;
  private final Set<String> operationNames = ConcurrentHashMap.newKeySet();

  /**
   * Bucket bounds at whole milliseconds, so a latency objective (p99 within 5 ms) reads exactly.
   */
  private static final Duration[] LATENCY_OBJECTIVES =
      IntStream.of(1, 2, 3, 4, 5, 10, 25, 50, 100, 250, 1000)
          .mapToObj(Duration::ofMillis)
          .toArray(Duration[]::new);

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The tags of one {@code http.server.requests} series. */
  private record RequestSeries(String method, String route, int status) {}

  /** The tags of one {@code graphql.operations} series. */
  private record OperationSeries(String operation, String outcome) {}

  /**
   * The timers and counters already registered, by their tags: every request records into one, and
   * building and registering it again (tags sorted, its id looked up) cost more than the recording.
   * As bounded as the series themselves (routes, statuses, bounded operation names, commands,
   * codes).
   */
  private final Map<RequestSeries, Timer> requestTimers = new ConcurrentHashMap<>();

  private final Map<OperationSeries, Timer> operationTimers = new ConcurrentHashMap<>();

  /** The tags of one {@code reservation.commands} series. */
  private record CommandSeries(String command, String outcome) {}

  private final Map<CommandSeries, Counter> commandCounters = new ConcurrentHashMap<>();

  void request(String method, String route, int status, Duration took) {
    requestTimers
        .computeIfAbsent(
            new RequestSeries(method, route, status),
            series ->
                Timer.builder("http.server.requests")
                    .description("HTTP request latency per route")
                    .tags(
                        "method",
                        series.method(),
                        "route",
                        series.route(),
                        "status",
                        Integer.toString(series.status()))
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(LATENCY_OBJECTIVES)
                    .register(registry))
        .record(took);
  }

  void graphQlOperation(String operationName, String outcome, Duration took) {
    operationTimers
        .computeIfAbsent(
            new OperationSeries(boundedName(operationName), outcome),
            series ->
                Timer.builder("graphql.operations")
                    .description("GraphQL operation latency per operation name")
                    .tags("operation", series.operation(), "outcome", series.outcome())
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(LATENCY_OBJECTIVES)
                    .register(registry))
        .record(took);
  }

  void commandOutcome(String command, String outcome) {
    commandCounters
        .computeIfAbsent(
            new CommandSeries(command, outcome),
            series ->
                Counter.builder("reservation.commands")
                    .description("Reservation commands by outcome code")
                    .tags("command", series.command(), "outcome", series.outcome())
                    .register(registry))
        .increment();
  }

  PaymentOutcome payment(PaymentOutcome outcome) {
    commandOutcome("pay", outcome.success() ? "OK" : outcome.errorCode());
    return outcome;
  }

  DeleteOutcome deletion(DeleteOutcome outcome) {
    commandOutcome("delete", outcome.success() ? "OK" : "REJECTED");
    return outcome;
  }

  private String boundedName(String name) {
    if (name == null || name.isEmpty()) {
      return "anonymous";
    }
    if (operationNames.contains(name)) {
      return name; // well-formed: it was matched once
    }
    if (!OPERATION_NAME.matcher(name).matches()) {
      return "other";
    }
    if (operationNames.contains(name) || operationNames.size() < MAX_OPERATION_NAMES) {
      operationNames.add(name);
      return name;
    }
    return "other";
  }
}
