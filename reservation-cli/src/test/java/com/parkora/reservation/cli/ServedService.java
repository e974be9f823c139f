package com.parkora.reservation.cli;

import com.parkora.reservation.testing.Polling;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** {@code reservation serve} running as a process on a free port, for tests. */
record ServedService(Process process, Path logFile, int port) implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Starts {@code serve} from the test classpath and waits until it is ready. */
  static ServedService start(Path workDir, Map<String, String> env) throws Exception {
    int port = freePort();
    return start(
        CliProcess.builder(workDir, env, "serve", "--port", String.valueOf(port)), workDir, port);
  }

  /** As {@link #start(Path, Map)}, with options for the JVM. */
  static ServedService start(Path workDir, Map<String, String> env, List<String> jvmOptions)
      throws Exception {
    int port = freePort();
    return start(
        CliProcess.builder(workDir, env, jvmOptions, "serve", "--port", String.valueOf(port)),
        workDir,
        port);
  }

  /** Starts {@code java -jar jar serve} and waits until it is ready. */
  static ServedService startJar(Path jar, Path workDir, Map<String, String> env) throws Exception {
    int port = freePort();
    ProcessBuilder builder = CliProcess.jar(jar, "serve", "--port", String.valueOf(port));
    return start(CliProcess.inWorkDir(builder, workDir, env), workDir, port);
  }

  /** Starts the process and waits until {@code /health/ready} answers 200. */
  private static ServedService start(ProcessBuilder builder, Path workDir, int port)
      throws Exception {
    Path log = Files.createTempFile(workDir, "serve", ".log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServedService served = new ServedService(process, log, port);
    served.awaitReady(Duration.ofSeconds(60));
    return served;
  }

  String log() throws IOException {
    return Files.readString(logFile);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a GraphQL document for {@code tenant}; answers the response body. */
  String graphQl(String tenant, String document) throws IOException, InterruptedException {
    String body = "{\"query\":" + Json.quote(document) + "}";
    HttpResponse<String> response = send(graphQlRequest(tenant, body).build());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GraphQL answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** A POST of the GraphQL request {@code body} (JSON) for {@code tenant}; a test adds headers. */
  HttpRequest.Builder graphQlRequest(String tenant, String body) {
    return HttpRequest.newBuilder(uri("/graphql"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("X-Tenant-ID", tenant)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** Sends {@code request}; answers the response, whatever its status. */
  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM and answers the exit code (fails when the process takes longer than 10 s). */
  int terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not exit within 10 s of SIGTERM:\n" + log());
    }
    return process.exitValue();
  }

  private void awaitReady(Duration timeout) throws Exception {
    try {
      Polling.await("serve to be ready").atMost(timeout).until(this::ready);
    } catch (ConditionTimeoutException e) {
      close();
      throw new AssertionError("serve was not ready within " + timeout + ":\n" + log(), e);
    }
  }

  private boolean ready() throws Exception {
    if (!process.isAlive()) {
      throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + log());
    }
    try {
      return get("/health/ready").statusCode() == 200;
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
