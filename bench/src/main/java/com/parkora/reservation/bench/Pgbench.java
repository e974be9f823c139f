package com.parkora.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one pgbench run measured: its rate and its per-transaction latencies in microseconds, taken
 * from the transaction log pgbench writes with {@code --log} (one file per thread; the third field
 * of each line is the transaction's latency).
 */
record Pgbench(double tps, long[] latenciesMicros) {

  static long[] latencies(Path logDirectory) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(logDirectory)) {
      files = listing.filter(f -> f.getFileName().toString().startsWith("tx.")).toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("pgbench wrote no transaction log in " + logDirectory);
    }
    long[] all = new long[0];
    for (Path file : files) {
      try (Stream<String> lines = Files.lines(file)) {
        long[] micros = lines.filter(l -> !l.isBlank()).mapToLong(Pgbench::latency).toArray();
        long[] merged = Arrays.copyOf(all, all.length + micros.length);
        System.arraycopy(micros, 0, merged, all.length, micros.length);
        all = merged;
      }
    }
    Arrays.sort(all);
    return all;
  }

  /** The latency field of a log line: client, transaction number, latency (µs), script, ... */
  static long latency(String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 3) {
      throw new IllegalStateException("not a pgbench log line: " + line);
    }
    return Long.parseLong(fields[2]);
  }

  /** The nearest-rank percentile in milliseconds. */
  double percentileMillis(double percentile) {
    if (latenciesMicros.length == 0) {
      throw new IllegalStateException("pgbench logged no transaction");
    }
    int rank = (int) Math.ceil(latenciesMicros.length * percentile / 100.0);
    return latenciesMicros[Math.max(0, rank - 1)] / 1000.0;
  }
}
