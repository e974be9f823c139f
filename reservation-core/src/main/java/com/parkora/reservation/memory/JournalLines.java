package com.parkora.reservation.memory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a journal as raw lines: the bytes up to each {@code '\n'}, where each line starts in the
 * file, and whether its newline was written. Decoding is strict UTF-8, so a line cut inside a
 * character is told apart from a line that is whole.
 */
final class JournalLines implements AutoCloseable {

  /**
   * One line.
   *
   * @param bytes the line without its newline
   * @param offset where the line starts in the file
   * @param terminated whether the newline that ends it is there
   */
  record Line(byte[] bytes, long offset, boolean terminated) {

    /** The line as text; throws if it is not well-formed UTF-8. */
    String text() throws CharacterCodingException {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    }

    boolean isEmpty() {
      return bytes.length == 0;
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int position;
  private int limit;
  private long offset;

  JournalLines(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    long start = offset;
    pending.reset();
    while (true) {
      if (position == limit && !fill()) {
        return pending.size() == 0 ? null : new Line(pending.toByteArray(), start, false);
      }
      int newline = indexOfNewline();
      if (newline >= 0) {
        pending.write(buffer, position, newline - position);
        offset += newline - position + 1;
        position = newline + 1;
        return new Line(pending.toByteArray(), start, true);
      }
      pending.write(buffer, position, limit - position);
      offset += limit - position;
      position = limit;
    }
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
