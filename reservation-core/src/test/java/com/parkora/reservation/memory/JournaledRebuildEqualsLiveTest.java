package com.parkora.reservation.memory;

import com.parkora.reservation.contract.RebuildEqualsLiveContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rebuilt equals live, on the embedded store with its journal. */
class JournaledRebuildEqualsLiveTest extends RebuildEqualsLiveContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage newStorage() {
    return journaled.open();
  }
}
