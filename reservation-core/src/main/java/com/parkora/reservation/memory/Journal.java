package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.port.KeptAnswer;
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
 * The embedded store's durability: one line per commit, holding the unit of work's events (the
 * message shape of docs/notifications.md, see {@link JournalFormat}) and the answer it kept,
 * appended and forced to disk before the unit of work commits, replayed at start commit by commit.
 * For one process.
 */
public final class Journal implements AutoCloseable {

  public static final String FILE_NAME = "events.jsonl";
  private static final System.Logger LOG = System.getLogger(Journal.class.getName());
  private static final byte[] NEWLINE = {'\n'};

  private final Path file;
  private final JournalFormat format;
  private FileChannel channel;

  /** Set when a failed write could not be undone: no later commit is accepted. */
  private IOException broken;

  private Journal(Path file, EventCodec codec) {
    this.file = file;
    this.format = new JournalFormat(codec);
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
   * Replays every line, each as one commit. A line is one complete commit and nothing else; a
   * complete line that is not is corruption, and the store refuses to open. Only the last line may
   * be torn (a write cut by a crash, anywhere, inside a character or just before its newline): if
   * it still holds a whole commit it is kept and given its newline, otherwise it is cut off with
   * every event of that commit (none of them was acknowledged). Either way the next write starts on
   * a fresh line.
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
        JournalFormat.Commit commit =
            line.terminated() ? commit(line, lineNo) : tornTail(line, lineNo);
        if (commit != null) {
          replay(storage, commit, lineNo);
          count += commit.events().size();
        }
      }
    }
    return count;
  }

  private void replay(InMemoryStorage storage, JournalFormat.Commit commit, long lineNo) {
    try {
      storage.inTransactionReplaying(commit.events(), commit.answer());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "journal " + file + " line " + lineNo + " cannot be replayed: " + e.getMessage(), e);
    }
  }

  private JournalFormat.Commit commit(JournalLines.Line line, long lineNo) {
    if (line.isEmpty()) {
      return null;
    }
    try {
      return format.commit(line.text());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "journal " + file + " line " + lineNo + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** The last line, whose newline is missing: kept if whole, else cut off. */
  private JournalFormat.Commit tornTail(JournalLines.Line line, long lineNo) throws IOException {
    JournalFormat.Commit commit;
    try {
      commit = format.commit(line.text());
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
    return commit;
  }

  private void cutTo(long size) throws IOException {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(size);
      out.force(true);
    }
  }

  /**
   * Appends a unit of work's events as one line and forces it to disk. If that fails (a full disk),
   * the file is cut back to where it was, so a rolled-back unit of work leaves no line behind; if
   * even that fails, the journal refuses every later commit rather than grow a file it cannot
   * replay.
   */
  private void write(List<StoredEvent> events, KeptAnswer answer) {
    if (broken != null) {
      throw InMemoryStorage.journalFailure(broken);
    }
    ByteBuffer buffer = exactUtf8(format.line(events, answer) + '\n');
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
