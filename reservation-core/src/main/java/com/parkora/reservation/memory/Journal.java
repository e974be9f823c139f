package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.port.StoredEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The embedded store's durability: one JSON event per line (the message shape of
 * docs/notifications.md), appended and forced to disk before a unit of work commits, replayed at
 * start. For one process.
 */
public final class Journal implements AutoCloseable {

  public static final String FILE_NAME = "events.jsonl";
  private static final System.Logger LOG = System.getLogger(Journal.class.getName());

  private final Path file;
  private final EventCodec codec;
  private FileChannel channel;

  /** Set when a failed write could not be undone: no later commit is accepted. */
  private IOException broken;

  private Journal(Path file, EventCodec codec) {
    this.file = file;
    this.codec = codec;
  }

  /** Opens (or creates) the journal in {@code dataDir} and returns a storage holding its events. */
  public static JournaledStorage open(Path dataDir, EventCodec codec) {
    try {
      Files.createDirectories(dataDir);
      Journal journal = new Journal(dataDir.resolve(FILE_NAME), codec);
      InMemoryStorage storage = new InMemoryStorage(journal::write);
      long replayed = journal.replayInto(storage);
      journal.channel =
          FileChannel.open(
              journal.file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
      return new JournaledStorage(storage, journal, replayed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal in " + dataDir, e);
    }
  }

  public Path file() {
    return file;
  }

  private long replayInto(InMemoryStorage storage) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long count = 0;
    long lineNo = 0;
    long goodBytes = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (!line.isBlank()) {
          StoredEvent event = readLine(line, lineNo, reader);
          if (event == null) {
            truncate(goodBytes);
            break;
          }
          storage.inTransactionReplaying(event);
          count++;
        }
        goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return count;
  }

  private void truncate(long size) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(size);
      out.force(true);
    }
  }

  private StoredEvent readLine(String line, long lineNo, BufferedReader reader) throws IOException {
    try {
      return codec.fromMessage(line);
    } catch (RuntimeException e) {
      if (reader.readLine() == null) {
        LOG.log(
            System.Logger.Level.WARNING,
            "ignoring a torn last line "
                + lineNo
                + " of "
                + file
                + " (a write interrupted by a crash): "
                + e.getMessage());
        return null;
      }
      throw new IllegalStateException(
          "journal " + file + " line " + lineNo + " is corrupt: " + e.getMessage(), e);
    }
  }

  /**
   * Appends a unit of work's events and forces them to disk. If that fails (a full disk), the file
   * is cut back to where it was, so a rolled-back unit of work leaves no line behind; if even that
   * fails, the journal refuses every later commit rather than grow a file it cannot replay.
   */
  private void write(List<StoredEvent> events) {
    if (broken != null) {
      throw InMemoryStorage.journalFailure(broken);
    }
    StringBuilder lines = new StringBuilder();
    for (StoredEvent event : events) {
      lines.append(codec.messageLine(event)).append('\n');
    }
    ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    long before;
    try {
      before = channel.size();
    } catch (IOException e) {
      throw InMemoryStorage.journalFailure(e);
    }
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      cutBack(before, e);
      throw InMemoryStorage.journalFailure(e);
    }
  }

  private void cutBack(long size, IOException cause) {
    try {
      channel.truncate(size);
      channel.force(true);
    } catch (IOException e) {
      e.addSuppressed(cause);
      broken = e;
      LOG.log(
          System.Logger.Level.ERROR,
          "the journal "
              + file
              + " could not be cut back after a"
              + " failed write; refusing further commits",
          e);
    }
  }

  @Override
  public void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
