package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.port.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
  private static final byte[] NEWLINE = {'\n'};

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

  /**
   * Replays every line. A line is one complete event and nothing else; a complete line that is not
   * is corruption, and the store refuses to open. Only the last line may be torn (a write cut by a
   * crash, anywhere, inside a character or just before its newline): if it still holds a whole
   * event it is kept and given its newline, otherwise it is cut off. Either way the next write
   * starts on a fresh line.
   */
  private long replayInto(InMemoryStorage storage) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long count = 0;
    long lineNo = 0;
    try (JournalLines lines = new JournalLines(Files.newInputStream(file))) {
      for (JournalLines.Line line = lines.next(); line != null; line = lines.next()) {
        lineNo++;
        StoredEvent event = line.terminated() ? event(line, lineNo) : tornTail(line, lineNo);
        if (event != null) {
          storage.inTransactionReplaying(event);
          count++;
        }
      }
    }
    return count;
  }

  private StoredEvent event(JournalLines.Line line, long lineNo) {
    if (line.isEmpty()) {
      return null;
    }
    try {
      return codec.fromMessage(line.text());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "journal " + file + " line " + lineNo + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** The last line, whose newline is missing: kept if whole, else cut off. */
  private StoredEvent tornTail(JournalLines.Line line, long lineNo) throws IOException {
    StoredEvent event;
    try {
      event = codec.fromMessage(line.text());
    } catch (IOException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cutting off the torn last line "
              + lineNo
              + " of "
              + file
              + " (a write interrupted by a crash): "
              + e.getMessage());
      cutTo(line.offset());
      return null;
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "the last line " + lineNo + " of " + file + " lacked its newline; adding it");
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.APPEND)) {
      out.write(ByteBuffer.wrap(NEWLINE));
      out.force(true);
    }
    return event;
  }

  private void cutTo(long size) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(size);
      out.force(true);
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
    ByteBuffer buffer = exactUtf8(lines);
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

  /** The text in UTF-8, refusing what UTF-8 cannot hold (a lone surrogate) instead of a '?'. */
  private static ByteBuffer exactUtf8(CharSequence text) {
    try {
      return StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
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
