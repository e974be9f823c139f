package com.parkora.reservation.clients.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port in front of another server, which a test can cut (every open
 * connection is dropped and new ones are refused at once) and restore, to play an outage of that
 * server without touching it. Shared by the tests of every module that plays an outage.
 */
public final class LoopbackProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong exchanges = new AtomicLong();
  private volatile boolean cut;
  private volatile boolean stalled;

  public LoopbackProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("proxy-accept").start(this::acceptLoop);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(LoopbackProxy::closeQuietly);
    open.clear();
  }

  public void restore() {
    cut = false;
    stalled = false;
  }

  /**
   * Plays a server that hangs: connections stay open (new ones are accepted) but no byte passes in
   * either direction until {@link #restore()}.
   */
  public void stall() {
    stalled = true;
  }

  /**
   * How many times a client has sent since the last {@link #resetExchanges()}, counting one for
   * each run of bytes it sends before the server answers: the round trips of a protocol whose
   * client waits for the answer before it sends again (PostgreSQL's does). New connections count
   * their own start-up.
   */
  public long exchanges() {
    return exchanges.get();
  }

  public void resetExchanges() {
    exchanges.set(0);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(target, 2_000);
        open.add(client);
        open.add(server);
        AtomicBoolean clientSpokeLast = new AtomicBoolean();
        pipe(client, server, true, clientSpokeLast);
        pipe(server, client, false, clientSpokeLast);
      } catch (IOException e) {
        if (listener.isClosed()) {
          return;
        }
      }
    }
  }

  /** Copies {@code from} to {@code to}; {@code clientSpokeLast} counts the client's exchanges. */
  private void pipe(Socket from, Socket to, boolean fromClient, AtomicBoolean clientSpokeLast) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                copy(in, out, fromClient, clientSpokeLast);
              } catch (IOException e) {
                // the other side or a cut closed the connection
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            });
  }

  private void copy(
      InputStream in, OutputStream out, boolean fromClient, AtomicBoolean clientSpokeLast)
      throws IOException {
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      while (stalled && !cut) {
        pause();
      }
      // before the bytes go on: the other side's next bytes come after them
      if (fromClient && !clientSpokeLast.getAndSet(true)) {
        exchanges.incrementAndGet();
      } else if (!fromClient) {
        clientSpokeLast.set(false);
      }
      out.write(buffer, 0, read);
      out.flush();
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    cut();
  }
}
