package com.parkora.reservation.memory;

import com.parkora.reservation.contract.EventMetadataContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event metadata on the embedded store, read back by replaying its journal. */
class JournaledEventMetadataTest extends EventMetadataContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage openStorage() {
    return journaled.open();
  }
}
