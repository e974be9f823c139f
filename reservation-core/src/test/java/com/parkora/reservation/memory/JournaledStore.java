package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For an instance {@code @RegisterExtension} field: the embedded store, journaled in a directory of
 * its own for each test. Every store {@link #open()} opened is closed after the test, and the
 * directory deleted.
 */
final class JournaledStore implements BeforeEachCallback, AfterEachCallback {

  private final List<JournaledStorage> opened = new ArrayList<>();
  private Path dir;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("journaled-store");
  }

  /** The store on this test's journal, with what earlier stores on it wrote replayed. */
  JournaledStorage open() {
    JournaledStorage storage = Journal.open(dir, new EventCodec());
    opened.add(storage);
    return storage;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    opened.forEach(JournaledStorage::close);
    opened.clear();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
