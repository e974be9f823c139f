package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.RebuildEqualsLiveContract;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilt equals live, on the embedded store with its journal. */
class JournaledRebuildEqualsLiveTest extends RebuildEqualsLiveContract {

  @TempDir Path dataDir;
  private Storage storage;

  @Override
  protected Storage newStorage() {
    storage = Journal.open(dataDir, new EventCodec());
    return storage;
  }

  @AfterEach
  void closeJournal() {
    storage.close();
  }
}
