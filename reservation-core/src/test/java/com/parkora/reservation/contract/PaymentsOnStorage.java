package com.parkora.reservation.contract;

import static com.parkora.reservation.contract.Fixtures.newTenant;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.app.ReservationServiceBuilder;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Storage;
import org.junit.jupiter.api.BeforeEach;

/**
 * Where the payment contracts start: a store of the subclass's kind ({@link #newStorage()}), and
 * before each test a service on it with a test clock and a test payment service, for a tenant of
 * its own.
 */
public abstract class PaymentsOnStorage {

  protected static final String USER = "6f1c2a9e-3b7d-4c8e-9a1b-2d3e4f5a6b7c";

  protected final TestClock clock = new TestClock(Fixtures.T0);
  protected final TestPayments payments = new TestPayments();
  protected final TenantId tenant = newTenant();
  protected Storage storage;
  protected ReservationService service;

  protected abstract Storage newStorage();

  /** The contract's own settings of the service, beyond its clock and payment service. */
  abstract ReservationServiceBuilder configured(ReservationServiceBuilder service);

  @BeforeEach
  void buildService() {
    storage = newStorage();
    service =
        configured(ReservationService.builder(storage).clock(clock).paymentGateway(payments))
            .build();
  }
}
