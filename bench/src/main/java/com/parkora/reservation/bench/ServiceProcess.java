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

  /** USER_HZ: the unit of the CPU times in /proc, 100 on every Linux build that matters. */
  private static final int CLOCK_TICKS = 100;

  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Pod pod;

  private ServiceProcess(Process process, long startedNanos, int port, Pod pod) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.pod = pod;
  }

  static ServiceProcess serve(
      Path jar, List<String> jvmOptions, String databaseUrl, int port, Path log)
      throws IOException {
    return serve(jar, jvmOptions, databaseUrl, port, log, Map.of(), null);
  }

  /**
   * As above, with {@code environment} added (RabbitMQ for the publish goal), inside {@code pod}
   * when it is not null.
   */
  static ServiceProcess serve(
      Path jar,
      List<String> jvmOptions,
      String databaseUrl,
      int port,
      Path log,
      Map<String, String> environment,
      Pod pod)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "serve"));
    Map<String, String> env = new java.util.HashMap<>(Jvm.DEPLOYMENT_ENV);
    env.putAll(environment);
    return launch(command, env, databaseUrl, port, log, pod);
  }

  /**
   * The production command, {@code bin/serve}, on this JVM with {@code cache} as its start-up cache
   * (used when it exists; written as the process stops when {@code train}), inside {@code pod} when
   * it is not null.
   */
  static ServiceProcess production(
      Path script,
      Path jar,
      Path cache,
      boolean train,
      String databaseUrl,
      int port,
      Path log,
      Pod pod)
      throws IOException {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("RESERVATION_JAR", jar.toString());
    env.put("AOT_CACHE", cache.toString());
    if (train) {
      env.put("AOT_TRAIN", "1");
    }
    return launch(List.of(script.toString()), env, databaseUrl, port, log, pod);
  }

  /**
   * The container image's command, without a shell: {@code java @jvm.options -XX:AOTCache=... -jar
   * reservation.jar serve}, inside {@code pod}.
   */
  static ServiceProcess image(Path jar, Path cache, String databaseUrl, int port, Path log, Pod pod)
      throws IOException {
    return image(jar, cache, List.of(), databaseUrl, port, log, pod);
  }

  /** As above with {@code overrides} after the options file (a later option wins). */
  static ServiceProcess image(
      Path jar, Path cache, List<String> overrides, String databaseUrl, int port, Path log, Pod pod)
      throws IOException {
    List<String> command =
        new ArrayList<>(List.of(javaBinary(), "@" + Jvm.OPTIONS_FILE, "-XX:AOTCache=" + cache));
    command.addAll(overrides);
    command.addAll(List.of("-jar", jar.toString(), "serve"));
    return launch(command, Jvm.DEPLOYMENT_ENV, databaseUrl, port, log, pod);
  }

  private static ServiceProcess launch(
      List<String> command,
      Map<String, String> env,
      String databaseUrl,
      int port,
      Path log,
      Pod pod)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(pod == null ? command : pod.wrap(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("DEFAULT_TENANT_ID");
    builder.environment().remove("AOT_TRAIN");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(env);
    if (pod != null) {
      builder.environment().putAll(pod.environment());
    }
    builder.environment().putAll(Map.of("DATABASE_URL", databaseUrl, "PORT", String.valueOf(port)));
    long started = System.nanoTime();
    return new ServiceProcess(builder.start(), started, port, pod);
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
   * CPU time the service process has used so far (user and system, all its threads), in seconds,
   * from {@code /proc/<pid>/stat}.
   */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
  }

  /** The pod the process runs in, or null. */
  Pod pod() {
    return pod;
  }

  /**
   * Sends SIGTERM and waits up to {@code grace} for the exit (a training run writes its cache
   * then); kills the process after that. Answers the exit status (137 for a kill).
   */
  int stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return process.exitValue();
  }

  /** Stops the process (see {@link #stop}) and removes its pod, if any. */
  @Override
  public void close() throws InterruptedException, IOException {
    stop(Duration.ofSeconds(15));
    if (pod != null) {
      pod.close();
    }
  }
}
