package com.parkora.reservation.cli;

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
 * Appends events read as §6 message lines and projects them, one unit of work per batch of
 * consecutive events of one tenant. Events whose id is already stored are skipped, so importing the
 * same file twice adds nothing.
 */
final class EventImport {

  static final int BATCH = 500;

  private final Storage storage;
  private final EventCodec codec;
  private final List<StoredEvent> batch = new ArrayList<>();
  private long firstLineOfBatch;
  private long imported;
  private long skipped;

  EventImport(Storage storage, EventCodec codec) {
    this.storage = storage;
    this.codec = codec;
  }

  /** What an import did. */
  record Result(long imported, long skipped) {}

  Result run(BufferedReader in) throws IOException {
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
      throw new CliException("line " + lineNo + ": " + e.getMessage() + progressNote());
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
      throw new CliException(
          "lines " + firstLineOfBatch + "-" + lastLine + ": " + e.getMessage() + progressNote());
    }
    batch.clear();
  }

  private long importBatch(UnitOfWork uow) {
    long added = 0;
    for (StoredEvent event : batch) {
      if (uow.importEvent(event)) {
        added++;
      }
    }
    return added;
  }

  private String progressNote() {
    return " (" + imported + " events imported before it; importing again is safe)";
  }
}
