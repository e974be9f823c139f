package com.parkora.reservation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code train} (hidden): the training run of the ahead-of-time cache, made while the container
 * image is built ({@code java -XX:AOTCacheOutput=... -jar reservation.jar train}). Runs {@code
 * serve} in this JVM on the embedded store in a temporary directory and a free loopback port, sends
 * it the requests its clients send ({@link TrainingRequests}), then stops it with SIGTERM as the
 * kubelet does, so the JVM exits normally and writes the cache. The outside services are left out
 * of its environment: the run needs no network and leaves nothing behind.
 */
@Command(
    name = "train",
    hidden = true,
    description = "Serve on a temporary embedded store, send it typical requests, stop.")
final class TrainCommand implements Callable<Integer> {

  static final Duration READY_DEADLINE = Duration.ofMinutes(3);

  /** Variables that would reach outside services or need tokens; the training run has neither. */
  private static final List<String> OUTSIDE =
      List.of(
          "DATABASE_URL",
          "RABBITMQ_HOST",
          "PARKING_SERVICE_URL",
          "AUTH_MODE",
          "KEYCLOAK_URL",
          "DEFAULT_TENANT_ID");

  @Option(
      names = "--rounds",
      defaultValue = "100",
      description = "Rounds of the booking flow (default ${DEFAULT-VALUE}).")
  int rounds;

  private final CliContext context;

  TrainCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path data = Files.createTempDirectory("reservation-training");
    try {
      int port = freePort();
      CliContext serving =
          new CliContext(
              environment(data, port),
              InputStream.nullInputStream(),
              context.err(),
              context.err(),
              false);
      FutureTask<Integer> serve = new FutureTask<>(() -> new Main(serving).run("serve"));
      Thread.ofPlatform().name("training-serve").start(serve);
      TrainingRequests requests =
          new TrainingRequests(URI.create("http://127.0.0.1:" + port), serve::isDone);
      requests.awaitReady(READY_DEADLINE);
      int sent = requests.exercise(rounds);
      Signal.raise(new Signal("TERM"));
      int exit = stopped(serve);
      context.err().printf("training: %d requests answered, serve exited %d%n", sent, exit);
      return exit;
    } finally {
      delete(data);
    }
  }

  private Map<String, String> environment(Path data, int port) {
    Map<String, String> environment = new HashMap<>(context.environment());
    OUTSIDE.forEach(environment::remove);
    environment.put("DATA_DIR", data.toString());
    environment.put("PORT", Integer.toString(port));
    return environment;
  }

  private static int stopped(FutureTask<Integer> serve) throws InterruptedException {
    try {
      return serve.get(ServeCommand.EXIT_DEADLINE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CliException("serve failed during training: " + Failures.oneLine(e.getCause()), e);
    } catch (TimeoutException e) {
      throw new CliException("serve did not stop after SIGTERM", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
