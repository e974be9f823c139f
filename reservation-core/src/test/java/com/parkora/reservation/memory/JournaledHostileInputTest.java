package com.parkora.reservation.memory;

import com.parkora.reservation.contract.HostileInputContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile input on the embedded store, reopened by replaying its journal. */
class JournaledHostileInputTest extends HostileInputContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage openStorage() {
    return journaled.open();
  }
}
