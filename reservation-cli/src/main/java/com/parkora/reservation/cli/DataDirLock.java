package com.parkora.reservation.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second process off the embedded store: the journal is held in memory by one process, so
 * two writers would each miss the other's events. Released on close or when the process ends.
 */
final class DataDirLock implements AutoCloseable {

  static final String FILE_NAME = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new CliException(
            "the embedded store in "
                + dataDir.toAbsolutePath().normalize()
                + " is in use by another process (stop it first, or use DATABASE_URL to share data)");
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new CliException(
          "cannot use the data directory "
              + dataDir.toAbsolutePath().normalize()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
