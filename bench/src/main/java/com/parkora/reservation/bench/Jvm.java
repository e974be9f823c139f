package com.parkora.reservation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JVM options of the deployment, read from {@code bin/jvm.options}: the file {@code bin/serve}
 * and the container image pass to java as an argument file. They size the heap from the memory
 * limit of the container, so the harness runs them inside a {@link Pod} with the deployment's 256
 * MiB.
 */
final class Jvm {

  /** The production options file, relative to the repository root (where the harness runs). */
  static final Path OPTIONS_FILE = Path.of("bin/jvm.options");

  /** The deployment's memory limit (the Helm values' 256 MiB). */
  static final int MEMORY_MIB = 256;

  /** The options of {@link #OPTIONS_FILE}: one a line, lines starting with # are comments. */
  static final List<String> DEPLOYMENT = read(OPTIONS_FILE);

  /**
   * The environment of a small container: glibc keeps at most two malloc arenas (it would keep up
   * to eight per core, each tens of MiB, for the JVM's native allocations).
   */
  static final Map<String, String> DEPLOYMENT_ENV = Map.of("MALLOC_ARENA_MAX", "2");

  private Jvm() {}

  /** JDK 25 makes an ahead-of-time cache from a training run ({@code -XX:AOTCacheOutput}). */
  static boolean hasAotCache() {
    return Runtime.version().feature() >= 25;
  }

  /** The start-up cache file {@code bin/serve} writes and reads on this JDK. */
  static String cacheFileName() {
    return hasAotCache() ? "reservation.aot" : "reservation.jsa";
  }

  /** The memory of the deployment, no CPU quota: the JVM sizes itself as in the pod. */
  static Pod deploymentPod(String name) throws IOException {
    return Pod.create("reservation-bench-" + name, 0, MEMORY_MIB);
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the harness runs from the repository root: " + file, e);
    }
  }
}
