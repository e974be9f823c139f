package com.parkora.reservation.memory;

import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.PaymentNoticeContract;
import com.parkora.reservation.port.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The payment notice contract on the embedded store that {@code serve} runs without a database. */
class JournaledPaymentNoticeTest extends PaymentNoticeContract {

  @TempDir Path dataDir;
  private Storage journaled;

  @Override
  protected Storage newStorage() {
    journaled = Journal.open(dataDir, new EventCodec());
    return journaled;
  }

  @AfterEach
  void closeJournal() {
    journaled.close();
  }
}
