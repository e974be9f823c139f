package com.parkora.reservation.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's threads: a pool of platform threads while one is free, a new virtual thread beyond that.
 *
 * <p>A request that blocks (on PostgreSQL, on the payment service, on a body that trickles in)
 * holds its thread. On virtual threads alone every such wait parks the request and hands it back to
 * one of a few carrier threads when its answer arrives; under load, with PostgreSQL and the clients
 * busy on the same cores, those hand-offs queued behind each other: a 50-row page's client p99 was
 * 13-16 ms on virtual threads against 5-6 ms on platform threads, same throughput (A/B on one
 * host). Platform threads alone would cap the requests in flight: enough slow clients or a stalled
 * dependency would hold them all and the rest would queue. So the first {@code platform} requests
 * in flight get platform threads, and the ones beyond run on virtual threads, unbounded as before.
 */
final class RequestThreads extends QueuedThreadPool {

  private final ExecutorService overflow = Executors.newVirtualThreadPerTaskExecutor();

  RequestThreads(int platform) {
    super(platform, Math.min(8, platform), 60_000);
    setName("http");
  }

  @Override
  public void execute(Runnable job) {
    if (isRunning() && getIdleThreads() == 0 && getThreads() >= getMaxThreads()) {
      overflow.execute(job);
    } else {
      super.execute(job);
    }
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    overflow.shutdown();
  }
}
