package com.parkora.reservation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service as operators run it: {@code java -jar reservation.jar ...} in its own process. */
final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final long startedNanos;
  private final int port;

  private ServiceProcess(Process process, long startedNanos, int port) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
  }

  static ServiceProcess serve(
      Path jar, List<String> jvmOptions, String databaseUrl, int port, Path log)
      throws IOException {
    return serve(jar, jvmOptions, databaseUrl, port, log, Map.of());
  }

  /** As above, with {@code environment} added (RabbitMQ for the publish goal). */
  static ServiceProcess serve(
      Path jar,
      List<String> jvmOptions,
      String databaseUrl,
      int port,
      Path log,
      Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve"));
    Map<String, String> env = new java.util.HashMap<>(Jvm.DEPLOYMENT_ENV);
    env.putAll(environment);
    return launch(command, env, databaseUrl, port, log);
  }

  /**
   * The production command, {@code bin/serve}, on this JVM with {@code cache} as its start-up cache
   * (written by the first start when missing).
   */
  static ServiceProcess production(
      Path script, Path jar, Path cache, String databaseUrl, int port, Path log)
      throws IOException {
    return launch(
        List.of(script.toString()),
        Map.of(
            "JAVA_HOME",
            System.getProperty("java.home"),
            "RESERVATION_JAR",
            jar.toString(),
            "AOT_CACHE",
            cache.toString()),
        databaseUrl,
        port,
        log);
  }

  private static ServiceProcess launch(
      List<String> command, Map<String, String> env, String databaseUrl, int port, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("DEFAULT_TENANT_ID");
    builder.environment().putAll(env);
    builder.environment().putAll(Map.of("DATABASE_URL", databaseUrl, "PORT", String.valueOf(port)));
    long started = System.nanoTime();
    return new ServiceProcess(builder.start(), started, port);
  }

  /** Runs a one-shot CLI command and answers its wall time in seconds. */
  static double runCommand(Path jar, String heap, String databaseUrl, Path log, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("DATABASE_URL", databaseUrl);
    long started = System.nanoTime();
    int status = builder.start().waitFor();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (status != 0) {
      throw new IllegalStateException(
          String.join(" ", args) + " failed (" + status + "):\n" + Files.readString(log));
    }
    return seconds;
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits for {@code /health/ready} to answer 200; answers seconds since the process started. */
  double awaitReady(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
            .timeout(Duration.ofMillis(500))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the service was not ready within " + timeout);
  }

  /** Peak resident set size of the service process so far, in MiB (VmHWM). */
  double peakRssMiB() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmHWM for process " + process.pid());
  }

  /**
   * Sends SIGTERM and waits up to {@code grace} for the exit (a training run writes its cache
   * then); kills the process after that.
   */
  void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(15));
  }
}
