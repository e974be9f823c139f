package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.StorageContract;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract, held by the embedded store that {@code serve} runs without a database. */
class JournaledStorageContractTest extends StorageContract {

  @TempDir Path dataDir;

  @Override
  protected Storage newStorage() {
    return Journal.open(dataDir, new EventCodec());
  }

  @AfterEach
  void closeJournal() {
    storage.close();
  }
}
