package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that announce a 100 kB body and send it a byte a second neither starve the others nor
 * stay connected for ever. Before, 250 of them held every request thread and normal requests waited
 * for seconds; here 400 of them trickle while normal requests are answered.
 */
class SlowClientsTest {

  private static final int SLOW_CLIENTS = 400;

  /** Far beyond a normal answer (well under a second); only a starved server misses it. */
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private RunningApi api;
  private final List<Socket> slow = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() {
    api = RunningApi.inMemory();
  }

  @AfterEach
  void stop() {
    trickle.shutdownNow();
    slow.forEach(SlowClientsTest::closeQuietly);
    api.close();
  }

  @Test
  void normal_requests_are_answered_while_400_clients_trickle_their_bodies_and_those_are_dropped()
      throws Exception {
    CountDownLatch dropped = new CountDownLatch(SLOW_CLIENTS);
    for (int i = 0; i < SLOW_CLIENTS; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.app.port());
      socket.getOutputStream().write(slowRequestHead().getBytes(StandardCharsets.US_ASCII));
      slow.add(socket);
      Thread.ofVirtual().start(() -> awaitClose(socket, dropped));
    }
    trickle.scheduleAtFixedRate(this::oneByteEach, 0, 1, TimeUnit.SECONDS);

    for (int i = 0; i < 20; i++) {
      RunningApi.Answer stats =
          api.send(
              HttpRequest.newBuilder(api.uri("/graphql"))
                  .timeout(GENEROUS)
                  .header("Content-Type", "application/json")
                  .header("X-Tenant-ID", RunningApi.TENANT)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"query\": \"{ reservationStats { totalReservations } }\"}"))
                  .build());
      assertThat(stats.status()).as(stats.body()).isEqualTo(200);
      assertThat(stats.json().path("data").path("reservationStats").has("totalReservations"))
          .isTrue();
      assertThat(api.get("/health/live", Map.of()).status()).isEqualTo(200);
      Thread.sleep(150);
    }

    assertThat(dropped.await(60, TimeUnit.SECONDS))
        .as("the server dropped every client whose body trickles (%d left)", dropped.getCount())
        .isTrue();
  }

  private static String slowRequestHead() {
    return "POST /graphql HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\n"
        + "X-Tenant-ID: "
        + RunningApi.TENANT
        + "\r\n"
        + "Content-Length: 100000\r\n"
        + "\r\n";
  }

  private void oneByteEach() {
    for (Socket socket : slow) {
      try {
        OutputStream out = socket.getOutputStream();
        out.write(' ');
        out.flush();
      } catch (IOException e) {
        // the server dropped it
      }
    }
  }

  /** Reads whatever the server answers until it closes the connection. */
  private static void awaitClose(Socket socket, CountDownLatch dropped) {
    try (InputStream in = socket.getInputStream()) {
      while (in.read() >= 0) {
        // the server's error answer, if any
      }
    } catch (IOException e) {
      // reset by the server: dropped as well
    }
    dropped.countDown();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
