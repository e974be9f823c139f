package com.parkora.reservation.memory;

import com.parkora.reservation.contract.StorageContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage contract, held by the embedded store that {@code serve} runs without a database. */
class JournaledStorageContractTest extends StorageContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage newStorage() {
    return journaled.open();
  }
}
