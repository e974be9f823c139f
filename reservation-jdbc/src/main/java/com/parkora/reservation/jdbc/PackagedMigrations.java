package com.parkora.reservation.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned migrations packaged in this jar ({@code db/migration}), each with the checksum
 * Flyway records for it, read without loading Flyway. The newest of them is the version the code
 * expects: nobody keeps it by hand.
 *
 * <p>The build writes the directory's file names into {@value #INDEX} (reservation-jdbc/pom.xml),
 * so a start reads the few scripts by name: listing the directory inside the service's jar opens it
 * as a file system, which indexes every one of its 25,000 entries first (about 0.2 CPU-seconds, a
 * second of a 200m pod's start). Without the index (classes run from an IDE's output) the directory
 * is listed.
 */
final class PackagedMigrations {

  static final String DIRECTORY = "db/migration";
  static final String INDEX = "db/migration.index";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

  /** One packaged migration. */
  record Migration(String version, String script, int checksum) {}

  private PackagedMigrations() {}

  /** Every versioned migration, oldest first. */
  static List<Migration> list() {
    ClassLoader loader = PackagedMigrations.class.getClassLoader();
    URL index = loader.getResource(INDEX);
    if (index != null) {
      return listed(loader, index);
    }
    URL directory = loader.getResource(DIRECTORY);
    if (directory == null) {
      throw new IllegalStateException(DIRECTORY + " is not on the class path");
    }
    try {
      URI uri = directory.toURI();
      if (!"file".equals(uri.getScheme())) {
        throw new IllegalStateException(DIRECTORY + " is packaged without its index " + INDEX);
      }
      return list(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + DIRECTORY + ": " + e.getMessage(), e);
    }
  }

  /** The newest packaged version: the one this build expects. */
  static String latest() {
    return latest(list());
  }

  /** The newest version of {@code migrations}. */
  static String latest(List<Migration> migrations) {
    return migrations.getLast().version();
  }

  /** The migrations the build's index names, read through {@code loader}. */
  private static List<Migration> listed(ClassLoader loader, URL index) {
    try (InputStream in = index.openStream()) {
      return sorted(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(name -> !name.isEmpty())
              .map(
                  name ->
                      migration(name, () -> loader.getResourceAsStream(DIRECTORY + "/" + name))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + INDEX, e);
    }
  }

  /** The migrations in {@code directory}, a directory of the file system. */
  static List<Migration> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return sorted(files.map(file -> migration(file.getFileName().toString(), () -> open(file))));
    }
  }

  private static List<Migration> sorted(Stream<Migration> migrations) {
    return migrations
        .filter(m -> m != null)
        .sorted((a, b) -> compare(a.version(), b.version()))
        .toList();
  }

  /** The script itself. */
  private interface Script {
    InputStream open() throws IOException;
  }

  private static InputStream open(Path file) throws IOException {
    return Files.newInputStream(file);
  }

  /** The migration of the script named {@code name}, or null when the name is not versioned. */
  private static Migration migration(String name, Script script) {
    Matcher versioned = VERSIONED.matcher(name);
    if (!versioned.matches()) {
      return null;
    }
    try (InputStream in = script.open()) {
      if (in == null) {
        throw new IllegalStateException(INDEX + " names " + name + ", which is not packaged");
      }
      return new Migration(versioned.group(1).replace('_', '.'), name, checksum(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Flyway's checksum of a script: CRC-32 over its lines in UTF-8, line breaks left out and a
   * leading byte-order mark dropped. {@code MigrationsTest} holds it to what Flyway records.
   */
  static int checksum(InputStream script) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
    String line = lines.readLine();
    if (line != null && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    for (; line != null; line = lines.readLine()) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  /**
   * Orders versions as Flyway does: part by part, numerically ({@code 2 < 10}, {@code 1 < 1.1}).
   */
  static int compare(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long l = i < left.length ? Long.parseLong(left[i]) : 0;
      long r = i < right.length ? Long.parseLong(right[i]) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }
}
