package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestThreadsTest {

  private final RequestThreads threads = new RequestThreads(2);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    threads.start();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    threads.stop();
  }

  /** Runs a job that reports its thread and then holds it until the test ends. */
  private CompletableFuture<Thread> holding() {
    CompletableFuture<Thread> ran = new CompletableFuture<>();
    threads.execute(
        () -> {
          ran.complete(Thread.currentThread());
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return ran;
  }

  @Test
  void jobs_run_on_platform_threads_while_one_is_free_and_on_virtual_threads_beyond()
      throws Exception {
    List<Thread> held = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      held.add(holding().get(10, TimeUnit.SECONDS));
    }
    assertThat(held).noneMatch(Thread::isVirtual).doesNotHaveDuplicates();

    List<Thread> beyond = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      beyond.add(holding().get(10, TimeUnit.SECONDS));
    }
    assertThat(beyond).allMatch(Thread::isVirtual).doesNotHaveDuplicates();
  }

  @Test
  void a_platform_thread_that_is_free_again_takes_the_next_job() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    threads.execute(done::countDown);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(holding().get(10, TimeUnit.SECONDS).isVirtual()).isFalse();
  }
}
