package com.parkora.reservation.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process that keeps one core busy (a shell spinning in an empty loop) for as long as it is open:
 * the machine an autoscaler adds an instance to is rarely idle.
 */
final class CpuBurner implements AutoCloseable {

  private final Process process;

  private CpuBurner(Process process) {
    this.process = process;
  }

  static CpuBurner start() throws IOException {
    return new CpuBurner(
        new ProcessBuilder(List.of("sh", "-c", "while :; do :; done"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
