package com.parkora.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows and prints them as a Markdown table, which is also what bench/README.md holds.
 */
final class Report {

  private static final String[] HEADER = {"figure", "service", "baseline", "ratio", "goal", "met"};
  private final List<Result> rows = new ArrayList<>();

  void add(Result result) {
    rows.add(result);
    System.out.printf(
        "  -> %s: service %s, baseline %s %s%n",
        result.figure(),
        result.service(),
        result.baseline(),
        result.ratio().isEmpty() ? "" : "(ratio " + result.ratio() + ")");
  }

  String markdown(String machine) {
    StringBuilder out = new StringBuilder();
    out.append("Measured ")
        .append(LocalDate.now(ZoneOffset.UTC))
        .append(" on ")
        .append(machine)
        .append("\n\n");
    appendRow(out, HEADER);
    out.append("|---|---:|---:|---:|---|---|\n");
    for (Result r : rows) {
      appendRow(
          out,
          new String[] {r.figure(), r.service(), r.baseline(), r.ratio(), r.goal(), r.metText()});
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell).append(" |");
    }
    out.append('\n');
  }

  void write(Path file, String machine) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown(machine));
  }

  /** The host the run was measured on: cores, CPU model, bench heap, PostgreSQL version. */
  static String machine(Shell shell) throws Exception {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    String pg = shell.psql("postgres", "SHOW server_version").trim();
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + Runtime.getRuntime().maxMemory() / 1024 / 1024
        + " MiB bench heap, PostgreSQL "
        + pg
        + " on loopback, fsync on";
  }
}
