package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.HostileInputContract;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input on the embedded store, reopened by replaying its journal. */
class JournaledHostileInputTest extends HostileInputContract {

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
