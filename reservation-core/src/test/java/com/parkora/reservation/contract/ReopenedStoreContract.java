package com.parkora.reservation.contract;

import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up of the contracts that read back what a store kept: each test starts on a store opened
 * by {@link #openStorage()}, {@link #reopen()} closes it and opens the same data anew, and the
 * store open at the end of the test is closed.
 */
public abstract class ReopenedStoreContract {

  protected Storage storage;

  /**
   * The store on the data under test, opened anew on each call (the journal replayed, a new pool);
   * the data may be shared, the tests use their own tenant.
   */
  protected abstract Storage openStorage();

  @BeforeEach
  void open() {
    storage = openStorage();
  }

  @AfterEach
  void close() {
    storage.close();
  }

  /** Closes the store and opens its data anew, so what is read next is what the store kept. */
  protected void reopen() {
    storage.close();
    storage = openStorage();
  }
}
