package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.PaymentOutcome;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.payment.GrpcPaymentGateway;
import com.parkora.reservation.clients.payment.PaymentSettings;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.PostgresStorage;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two service instances on one PostgreSQL database, racing to pay one reservation. */
class TwoInstancesPaymentTest {

  private static final TenantId TENANT = TenantId.parse(RunningApi.TENANT);

  private final PaymentServer server = new PaymentServer();
  private TestDatabase db;
  private PostgresStorage first;
  private PostgresStorage second;
  private GrpcPaymentGateway gatewayOne;
  private GrpcPaymentGateway gatewayTwo;

  @BeforeEach
  void start() {
    db = TestDatabase.create("http_two_instances_pay");
    db.storage().migrate();
    first = db.newStorage(8);
    second = db.newStorage(8);
    gatewayOne = gateway();
    gatewayTwo = gateway();
  }

  @AfterEach
  void stop() throws Exception {
    gatewayOne.close();
    gatewayTwo.close();
    first.close();
    second.close();
    db.close();
    server.close();
  }

  @Test
  void eight_pays_on_each_of_two_instances_make_one_charge_and_agree() throws Exception {
    ReservationService one = service(first, gatewayOne);
    ReservationService two = service(second, gatewayTwo);
    String id =
        one.create(TENANT, UUID.randomUUID().toString(), "T-1", "2026-12-01T09:00:00Z", 2, 7.5)
            .id()
            .toString();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PaymentOutcome>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        ReservationService instance = i % 2 == 0 ? one : two;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return instance.pay(TENANT, id);
                }));
      }
      go.countDown();
    }

    assertThat(server.charges()).hasSize(1);
    for (Future<PaymentOutcome> answer : answers) {
      assertThat(answer.get().success()).as(answer.get().toString()).isTrue();
      assertThat(answer.get().transactionId()).isEqualTo("txn-1-" + id);
    }
    assertThat(two.byId(TENANT, id).orElseThrow().status()).isEqualTo(ReservationStatus.CONFIRMED);
  }

  private GrpcPaymentGateway gateway() {
    return new GrpcPaymentGateway(
        new PaymentSettings("127.0.0.1", server.port(), Duration.ofSeconds(2), false));
  }

  private static ReservationService service(PostgresStorage storage, GrpcPaymentGateway gateway) {
    return ReservationService.builder(storage)
        .clock(RunningApi.CLOCK)
        .paymentGateway(gateway)
        .build();
  }
}
