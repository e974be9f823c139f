package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.EventMetadataContract;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Event metadata on the embedded store, read back by replaying its journal. */
class JournaledEventMetadataTest extends EventMetadataContract {

  @TempDir Path dir;

  @Override
  protected Storage newStorage() {
    return Journal.open(dir, new EventCodec());
  }

  @Override
  protected Storage reopen(Storage old) {
    old.close();
    return Journal.open(dir, new EventCodec());
  }
}
