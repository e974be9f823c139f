package com.parkora.reservation.bench;

import java.util.List;
import java.util.Map;

/** The JVM options of the deployment; {@code bin/serve} (the production command) uses the same. */
final class Jvm {

  /**
   * The JVM as the 256 MiB deployment runs it: a 128 MB heap; the serial collector, which the JVM
   * picks by itself in a container under 1,792 MB (this machine is not one, so it is named); and
   * the C2 compiler alone with a 32 MiB code cache. With tiered compilation the C1 and C2 code put
   * the resident set at 265-285 MiB (heap 128 committed, code cache 38, metaspace 38, class data
   * 14); C1 alone fits (197 MiB) but runs commands at 0.43x of the baseline.
   */
  static final List<String> DEPLOYMENT =
      List.of(
          "-Xmx128m",
          "-XX:+UseSerialGC",
          "-XX:-TieredCompilation",
          "-XX:ReservedCodeCacheSize=32m");

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
}
