package com.parkora.reservation.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on a loopback port that records the host of every request a browser makes through
 * it. Requests to loopback hosts are forwarded (one request per connection); any other host is
 * recorded and refused, so nothing leaves the machine.
 */
final class RecordingProxy implements AutoCloseable {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final ServerSocket listener;
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  RecordingProxy() throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("recording-proxy").start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Every host requested so far, in order, with repeats. */
  List<String> requestedHosts() {
    return List.copyOf(hosts);
  }

  static boolean isLoopback(String host) {
    return LOOPBACK.contains(host);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      String head = readHead(in);
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      if (requestLine[0].equals("CONNECT")) {
        String host = requestLine[1].substring(0, requestLine[1].lastIndexOf(':'));
        hosts.add(host);
        refuse(client.getOutputStream());
        return;
      }
      URI target = URI.create(requestLine[1]);
      hosts.add(target.getHost());
      if (!isLoopback(target.getHost())) {
        refuse(client.getOutputStream());
        return;
      }
      forward(client, in, head, requestLine, target);
    } catch (IOException | RuntimeException e) {
      // a browser that hangs up early; the recorded host is what matters
    } finally {
      open.remove(client);
    }
  }

  private void forward(Socket client, InputStream in, String head, String[] requestLine, URI target)
      throws IOException {
    String path =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    StringBuilder rewritten =
        new StringBuilder(requestLine[0] + " " + path + " " + requestLine[2] + "\r\n");
    for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
      String lower = line.toLowerCase();
      if (!line.isEmpty()
          && !lower.startsWith("connection:")
          && !lower.startsWith("proxy-connection:")
          && !lower.startsWith("keep-alive:")) {
        rewritten.append(line).append("\r\n");
      }
    }
    rewritten.append("Connection: close\r\n\r\n");
    try (Socket server = new Socket(target.getHost(), target.getPort())) {
      open.add(server);
      server.getOutputStream().write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
      Thread.ofVirtual().start(() -> copy(in, server));
      server.getInputStream().transferTo(client.getOutputStream());
      open.remove(server);
    }
  }

  private static void copy(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
    } catch (IOException e) {
      // the exchange ended
    }
  }

  private static void refuse(OutputStream out) throws IOException {
    out.write(
        "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the request head ended");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
