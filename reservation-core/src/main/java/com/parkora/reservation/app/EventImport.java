package com.parkora.reservation.app;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.codec.EventFormatException;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.port.UnitOfWork;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores events read as message lines (docs/notifications.md, the form of a dump) and projects
 * them, one unit of work per batch of consecutive events of one tenant. Events whose id is already
 * stored are skipped, so importing the same lines twice adds nothing.
 */
public final class EventImport {

  static final int BATCH = 500;

  private final Storage storage;
  private final EventCodec codec;
  private final List<StoredEvent> batch = new ArrayList<>();
  private long firstLineOfBatch;
  private long imported;
  private long skipped;

  public EventImport(Storage storage, EventCodec codec) {
    this.storage = storage;
    this.codec = codec;
  }

  /** What an import did. */
  public record Result(long imported, long skipped) {}

  /** A line that cannot be read or stored; the message names the line(s) and what came before. */
  public static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message);
    }
  }

  /**
   * Imports every line of {@code in}; a blank line is skipped.
   *
   * @throws Failed at the first line that is not an event or cannot be stored (earlier batches stay
   *     imported)
   */
  public Result run(BufferedReader in) throws IOException {
    long lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      StoredEvent event = parse(line, lineNo);
      if (!batch.isEmpty()
          && (batch.size() >= BATCH || !batch.getFirst().tenantId().equals(event.tenantId()))) {
        flush(lineNo - 1);
      }
      if (batch.isEmpty()) {
        firstLineOfBatch = lineNo;
      }
      batch.add(event);
    }
    flush(lineNo);
    return new Result(imported, skipped);
  }

  private StoredEvent parse(String line, long lineNo) {
    try {
      return codec.fromMessage(line);
    } catch (EventFormatException e) {
      throw new Failed("line " + lineNo + ": " + e.getMessage() + progressNote());
    }
  }

  private void flush(long lastLine) {
    if (batch.isEmpty()) {
      return;
    }
    TenantId tenant = batch.getFirst().tenantId();
    try {
      long added = storage.inTransaction(tenant, this::importBatch);
      imported += added;
      skipped += batch.size() - added;
    } catch (ReservationException e) {
      throw new Failed(
          "lines " + firstLineOfBatch + "-" + lastLine + ": " + e.getMessage() + progressNote());
    }
    batch.clear();
  }

  private long importBatch(UnitOfWork uow) {
    return batch.stream().filter(uow::importEvent).count();
  }

  private String progressNote() {
    return " (" + imported + " events imported before it; importing again is safe)";
  }
}
