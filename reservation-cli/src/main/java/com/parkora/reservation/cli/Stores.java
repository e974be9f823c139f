package com.parkora.reservation.cli;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.jdbc.DatabaseUrl;
import com.parkora.reservation.jdbc.PostgresStorage;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.memory.JournaledStorage;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Opens the store the configuration names: PostgreSQL (migrated) or the embedded journal. */
final class Stores {

  private Stores() {}

  /**
   * An open store, what to tell the operator about it, and what a consumer of its feed needs: a
   * commit signal and the lease with checkpoint of a named consumer.
   */
  record Store(
      Storage storage,
      String description,
      Optional<String> schemaVersion,
      Supplier<CommitSignal> commitSignals,
      Function<String, FeedLease> leases) {}

  /** How long a relay's lease lasts without renewal: a dead holder is replaced after this. */
  static final Duration LEASE_TERM = Duration.ofSeconds(5);

  /** This process among the instances sharing a database. */
  private static final String INSTANCE =
      ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

  /**
   * @param onClose receives each opened resource with its name, so the caller closes them in
   *     reverse order
   */
  static Store open(Config config, EventCodec codec, BiConsumer<String, AutoCloseable> onClose) {
    return config
        .databaseUrl()
        .map(url -> postgres(url, config.databasePoolSize(), config.databaseTimeout(), onClose))
        .orElseGet(() -> embedded(config.dataDir(), codec, onClose));
  }

  private static Store postgres(
      String url, int poolSize, Duration timeout, BiConsumer<String, AutoCloseable> onClose) {
    String shown = Secrets.maskUrl(url);
    DatabaseUrl parsed;
    try {
      parsed = DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new CliException("DATABASE_URL is not usable: " + e.getMessage());
    }
    PostgresStorage storage =
        attempt(
            () -> PostgresStorage.connect(parsed, poolSize, timeout),
            "cannot reach the database at " + shown);
    onClose.accept("database pool", storage);
    String version = attempt(storage::migrate, "migrating the database at " + shown + " failed");
    return new Store(
        storage,
        "PostgreSQL " + shown + " (schema version " + version + ")",
        Optional.of(version),
        storage::newCommitSignal,
        consumer -> storage.feedLease(consumer, INSTANCE, LEASE_TERM));
  }

  private static Store embedded(
      Path dataDir, EventCodec codec, BiConsumer<String, AutoCloseable> onClose) {
    Path dir = dataDir.toAbsolutePath().normalize();
    onClose.accept("data directory lock", DataDirLock.acquire(dir));
    JournaledStorage storage =
        attempt(() -> Journal.open(dir, codec), "cannot open the embedded store in " + dir);
    onClose.accept("embedded store", storage);
    return new Store(
        storage,
        "embedded store, journal "
            + storage.file()
            + " ("
            + storage.replayedEvents()
            + " events replayed)",
        Optional.empty(),
        storage::newCommitSignal,
        storage::feedLease);
  }

  /** What {@code step} answers; its failure is a mistake that begins with {@code failing}. */
  private static <T> T attempt(Supplier<T> step, String failing) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw new CliException(failing + ": " + Failures.oneLine(e), e);
    }
  }
}
