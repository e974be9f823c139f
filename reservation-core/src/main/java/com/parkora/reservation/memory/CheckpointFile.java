package com.parkora.reservation.memory;

import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.FeedPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The lease and checkpoint of a feed consumer of the embedded store. The store belongs to one
 * process (its data directory is locked), so the lease is always this process's; the checkpoint is
 * a one-line file ({@code position}) replaced atomically and forced to disk, so a restart resumes
 * after the last confirmed event.
 */
public final class CheckpointFile implements FeedLease {

  private final Path file;
  private long epoch;

  public CheckpointFile(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized OptionalLong acquire() {
    return OptionalLong.of(++epoch);
  }

  @Override
  public synchronized boolean renew(long epoch) {
    return epoch == this.epoch;
  }

  @Override
  public FeedPosition checkpoint() {
    if (!Files.exists(file)) {
      return FeedPosition.START;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      return new FeedPosition(0, Long.parseLong(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("the checkpoint " + file + " is not a position", e);
    }
  }

  @Override
  public synchronized boolean saveCheckpoint(long epoch, FeedPosition position) {
    if (epoch != this.epoch) {
      return false;
    }
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try {
      Files.writeString(next, position.position() + "\n", StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + file, e);
    }
  }

  @Override
  public synchronized void release(long epoch) {
    if (epoch == this.epoch) {
      this.epoch++;
    }
  }
}
