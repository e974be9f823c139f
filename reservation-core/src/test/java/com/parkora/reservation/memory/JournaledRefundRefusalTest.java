package com.parkora.reservation.memory;

import com.parkora.reservation.contract.RefundRefusalContract;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The refund refusal contract on the embedded store that {@code serve} runs without a database. */
class JournaledRefundRefusalTest extends RefundRefusalContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage newStorage() {
    return journaled.open();
  }
}
