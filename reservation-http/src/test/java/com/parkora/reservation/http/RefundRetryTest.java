package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.payment.GrpcPaymentGateway;
import com.parkora.reservation.clients.payment.PaymentSettings;
import com.parkora.reservation.clients.payment.grpc.RefundResponse;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refund that fails is retried by the refund worker until it succeeds, across a restart of the
 * service, on both stores: one {@code refund_id} recorded, every attempt seen by the server.
 */
class RefundRetryTest {

  private static final TenantId TENANT = TenantId.parse(RunningApi.TENANT);

  private final PaymentServer server = new PaymentServer();

  /** A deadline far from what is tested: a 2 s one ran out on a loaded machine. */
  private final GrpcPaymentGateway gateway =
      new GrpcPaymentGateway(
          new PaymentSettings("127.0.0.1", server.port(), Duration.ofSeconds(10), false));

  @TempDir Path dataDir;

  @AfterEach
  void stop() throws Exception {
    gateway.close();
    server.close();
  }

  @Test
  void journal_store_retries_a_failed_refund_after_a_restart() {
    retriesAcrossARestart(() -> Journal.open(dataDir, new EventCodec()));
    assertThat(Files.exists(dataDir.resolve(Journal.FILE_NAME))).isTrue();
  }

  @Test
  void postgres_retries_a_failed_refund_after_a_restart() {
    try (TestDatabase db = TestDatabase.create("http_refund_retry")) {
      db.storage().migrate();
      retriesAcrossARestart(() -> db.newStorage(2));
    }
  }

  private void retriesAcrossARestart(Supplier<Storage> stores) {
    AtomicInteger calls = new AtomicInteger();
    server.onRefund(
        request ->
            calls.incrementAndGet() <= 2
                ? RefundResponse.newBuilder()
                    .setErrorCode("REFUND_UNAVAILABLE")
                    .setMessage("try again")
                    .build()
                : RefundResponse.newBuilder().setSuccess(true).setRefundId("refund-42").build());
    String id;
    try (Storage storage = stores.get()) {
      ReservationService service = service(storage);
      id = booked(service);
      assertThat(service.pay(TENANT, id).success()).isTrue();
      service.cancel(TENANT, id, "plans changed"); // first refund attempt, right after commit
      assertThat(calls.get()).isEqualTo(1);
    }
    try (Storage storage = stores.get()) {
      ReservationService service = service(storage);
      awaitRefunds(service, 3);
      assertThat(service.paymentAdministration().sendDueRefunds(10)).isZero();
      List<StoredEvent> events = service.events(TENANT, id);
      assertThat(events.stream().map(e -> e.type().name()))
          .containsSubsequence(
              "RESERVATION_CANCELLED",
              "REFUND_REQUESTED",
              "REFUND_FAILED",
              "REFUND_FAILED",
              "REFUND_COMPLETED")
          .containsOnlyOnce("REFUND_COMPLETED");
      assertThat(
              events.stream()
                  .map(StoredEvent::event)
                  .filter(ReservationEvent.RefundCompleted.class::isInstance)
                  .map(e -> ((ReservationEvent.RefundCompleted) e).refundId()))
          .containsExactly("refund-42");
    }
    assertThat(server.refunds()).hasSize(3);
  }

  /** Runs the worker until the server saw {@code count} refunds (generous deadline, no timing). */
  private void awaitRefunds(ReservationService service, int count) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (server.refunds().size() < count && Instant.now().isBefore(deadline)) {
      service.paymentAdministration().sendDueRefunds(10);
      Thread.onSpinWait();
    }
    assertThat(server.refunds()).hasSize(count);
  }

  private ReservationService service(Storage storage) {
    return ReservationService.builder(storage)
        .clock(RunningApi.CLOCK)
        .paymentGateway(gateway)
        .refundBackoff(Duration.ofMillis(1), Duration.ofMillis(20))
        .build();
  }

  private static String booked(ReservationService service) {
    return service
        .create(TENANT, UUID.randomUUID().toString(), "F-1", "2026-12-01T09:00:00Z", 2, 7.5)
        .id()
        .toString();
  }
}
