package com.parkora.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod as the kubelet makes one on a cgroup v1 node: a CPU controller group with a CFS quota and a
 * memory controller group with a hard limit. {@link #wrap} puts a command into both before it
 * execs, so the JVM sees the limits from its first instruction (its active processor count and heap
 * come from them). Needs root and the v1 hierarchies under {@code /sys/fs/cgroup}.
 */
final class Pod implements AutoCloseable {

  static final long PERIOD_US = 100_000;
  static final long MEBI = 1024 * 1024;
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private final String name;
  private final long quotaUs;
  private final Path cpu;
  private final Path memory;
  private Map<String, String> environment = Map.of();

  private Pod(String name, long quotaUs) {
    this.name = name;
    this.quotaUs = quotaUs;
    this.cpu = ROOT.resolve("cpu").resolve(name);
    this.memory = ROOT.resolve("memory").resolve(name);
  }

  /** Sets the environment the deployment gives every process of the pod (its Helm values). */
  Pod withEnvironment(Map<String, String> values) {
    this.environment = Map.copyOf(values);
    return this;
  }

  Map<String, String> environment() {
    return environment;
  }

  /**
   * Makes the groups: {@code millicores} of CPU (0 for no quota) and {@code memoryMiB} of memory.
   */
  static Pod create(String name, int millicores, int memoryMiB) throws IOException {
    if (!Files.isWritable(ROOT.resolve("cpu")) || !Files.isWritable(ROOT.resolve("memory"))) {
      throw new IllegalStateException(
          "the pod goal needs root and cgroup v1 (cpu and memory) under " + ROOT);
    }
    Pod pod = new Pod(name, millicores == 0 ? -1 : PERIOD_US * millicores / 1000);
    pod.removeIfPresent();
    Files.createDirectories(pod.cpu);
    Files.createDirectories(pod.memory);
    write(pod.cpu.resolve("cpu.cfs_period_us"), PERIOD_US);
    write(pod.cpu.resolve("cpu.cfs_quota_us"), pod.quotaUs);
    write(pod.memory.resolve("memory.limit_in_bytes"), memoryMiB * MEBI);
    return pod;
  }

  String name() {
    return name;
  }

  /** "200m CPU, 256 MiB" or "no CPU quota, 256 MiB". */
  String describe() throws IOException {
    long limit = read(memory.resolve("memory.limit_in_bytes")) / MEBI;
    return (quotaUs < 0 ? "no CPU quota" : quotaUs * 1000 / PERIOD_US + "m CPU")
        + ", "
        + limit
        + " MiB";
  }

  /** {@code command} run by a shell that first moves itself into the pod, then execs it. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.add("sh");
    wrapped.add("-c");
    wrapped.add(
        "echo $$ > '"
            + cpu.resolve("cgroup.procs")
            + "' && echo $$ > '"
            + memory.resolve("cgroup.procs")
            + "' && exec \"$@\"");
    wrapped.add("pod");
    wrapped.addAll(command);
    return wrapped;
  }

  /** Forgets the peak so far (the kernel restarts it from the current usage). */
  void resetPeak() throws IOException {
    write(memory.resolve("memory.max_usage_in_bytes"), 0);
  }

  /** The highest memory usage the kernel charged to the pod since it was made or reset, MiB. */
  double peakMiB() throws IOException {
    return read(memory.resolve("memory.max_usage_in_bytes")) / (double) MEBI;
  }

  /** The pod's memory now by kind, from memory.stat: "rss 120, page cache 60 (mapped 50) MiB". */
  String usage() throws IOException {
    java.util.Map<String, Long> stat = new java.util.HashMap<>();
    for (String line : Files.readAllLines(memory.resolve("memory.stat"))) {
      String[] kv = line.split(" ");
      stat.put(kv[0], Long.parseLong(kv[1]));
    }
    return String.format(
        "rss %d, page cache %d (mapped files %d) MiB",
        stat.getOrDefault("total_rss", 0L) / MEBI,
        stat.getOrDefault("total_cache", 0L) / MEBI,
        stat.getOrDefault("total_mapped_file", 0L) / MEBI);
  }

  /** How many processes the kernel's OOM killer killed in the pod so far. */
  long oomKills() throws IOException {
    for (String line : Files.readAllLines(memory.resolve("memory.oom_control"))) {
      if (line.startsWith("oom_kill ")) {
        return Long.parseLong(line.substring(9).trim());
      }
    }
    return read(memory.resolve("memory.failcnt")) > 0 ? -1 : 0; // no counter on this kernel
  }

  /** Removes the groups; every process in them must have exited. */
  @Override
  public void close() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        removeIfPresent();
        return;
      } catch (IOException busy) {
        Thread.sleep(100); // the last process is still being reaped
      }
    }
    removeIfPresent();
  }

  private void removeIfPresent() throws IOException {
    Files.deleteIfExists(cpu);
    Files.deleteIfExists(memory);
  }

  private static void write(Path file, long value) throws IOException {
    Files.writeString(file, Long.toString(value));
  }

  private static long read(Path file) throws IOException {
    return Long.parseLong(Files.readString(file).trim());
  }
}
