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
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned migrations packaged in this jar ({@code db/migration}), each with the checksum
 * Flyway records for it, read without loading Flyway. The newest of them is the version the code
 * expects: nobody keeps it by hand.
 */
final class PackagedMigrations {

  static final String DIRECTORY = "db/migration";
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

  /** One packaged migration. */
  record Migration(String version, String script, int checksum) {}

  private PackagedMigrations() {}

  /** Every versioned migration, oldest first. */
  static List<Migration> list() {
    URL directory = PackagedMigrations.class.getClassLoader().getResource(DIRECTORY);
    if (directory == null) {
      throw new IllegalStateException(DIRECTORY + " is not on the class path");
    }
    try {
      URI uri = directory.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return list(Path.of(uri));
      }
      return listInJar(uri);
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

  /** Lists inside the jar, closing the jar's file system only when this call opened it. */
  private static List<Migration> listInJar(URI uri) throws IOException {
    FileSystem jar;
    boolean opened;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
      opened = false;
    }
    try {
      return list(jar.provider().getPath(uri));
    } finally {
      if (opened) {
        jar.close();
      }
    }
  }

  private static List<Migration> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(PackagedMigrations::migration)
          .filter(m -> m != null)
          .sorted((a, b) -> compare(a.version(), b.version()))
          .toList();
    }
  }

  private static Migration migration(Path file) {
    String name = file.getFileName().toString();
    Matcher versioned = VERSIONED.matcher(name);
    if (!versioned.matches()) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
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
