package com.parkora.reservation.clients.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.clients.payment.grpc.PaymentResponse;
import com.parkora.reservation.clients.payment.grpc.RefundResponse;
import com.parkora.reservation.clients.testing.PaymentServer;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway.ChargeResult;
import com.parkora.reservation.port.PaymentGateway.RefundResult;
import io.grpc.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcPaymentGatewayTest {

  private static final TenantId TENANT = TenantId.parse("00000000-0000-0000-0000-000000000001");
  private static final UUID RESERVATION = UUID.fromString("6f1c2b7e-1d7a-4c55-8f0e-6a5b4c3d2e10");
  private static final UUID USER = UUID.fromString("3f1c2b7e-1d7a-4c55-8f0e-6a5b4c3d2e10");
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final PaymentServer server = new PaymentServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private GrpcPaymentGateway gateway = gatewayOn(server.port(), false);

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    gateway.close();
    server.close();
  }

  @Test
  void a_charge_sends_the_contract_fields_and_answers_the_transaction() {
    ChargeResult result = gateway.charge(TENANT, RESERVATION, USER, new BigDecimal("3.60"));

    assertThat(result).isInstanceOf(ChargeResult.Charged.class);
    assertThat(((ChargeResult.Charged) result).transactionId()).startsWith("txn-1-");
    var sent = server.charges().getFirst();
    assertThat(sent.getReservationId()).isEqualTo(RESERVATION.toString());
    assertThat(sent.getUserId()).isEqualTo(USER.toString());
    assertThat(sent.getAmount()).isEqualTo(3.60);
    assertThat(sent.getCurrency()).isEqualTo("EUR");
    assertThat(sent.getTenantId()).isEqualTo(TENANT.toString());
  }

  @Test
  void a_decline_passes_the_services_code_and_message_through() {
    server.onCharge(request -> PaymentServer.declined("CARD_DECLINED", "Insufficient funds"));

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isEqualTo(new ChargeResult.Declined("CARD_DECLINED", "Insufficient funds"));
  }

  @Test
  void no_server_is_unavailable_with_nothing_sent() throws Exception {
    gateway.close();
    gateway = gatewayOn(closedPort(), false);

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unavailable.class);
    assertThat(gateway.refund(TENANT, "txn-1", BigDecimal.ZERO, "cancelled"))
        .isInstanceOf(RefundResult.Unavailable.class);
  }

  @Test
  void a_server_slower_than_the_deadline_leaves_the_outcome_unknown() {
    CountDownLatch received = new CountDownLatch(1);
    server.onCharge(
        request -> {
          received.countDown();
          release.await(30, TimeUnit.SECONDS);
          return server.approve(request);
        });

    ChargeResult result = gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN);

    assertThat(result).isInstanceOf(ChargeResult.Unknown.class);
    assertThat(((ChargeResult.Unknown) result).reason()).contains("DEADLINE_EXCEEDED");
    assertThat(received.getCount()).isZero();
    assertThat(server.charges()).hasSize(1);
  }

  @Test
  void a_connection_lost_after_the_request_left_leaves_the_outcome_unknown() throws Exception {
    gateway.close();
    gateway = gatewayOn(server.port(), false, Duration.ofSeconds(30));
    server.onCharge(
        request -> {
          server.kill();
          release.await(30, TimeUnit.SECONDS);
          return server.approve(request);
        });

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unknown.class);
  }

  @Test
  void a_status_refusal_from_the_service_is_a_decline_with_the_status_code() {
    server.onCharge(
        request -> {
          throw Status.INVALID_ARGUMENT.withDescription("amount must be > 0").asRuntimeException();
        });

    ChargeResult result = gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN);

    assertThat(result).isInstanceOf(ChargeResult.Declined.class);
    assertThat(((ChargeResult.Declined) result).errorCode()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void a_server_error_after_sending_is_unknown_not_a_decline() {
    server.onCharge(
        request -> {
          throw new IllegalStateException("database down");
        });

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unknown.class);
  }

  @Test
  void success_without_a_transaction_id_is_not_taken_as_a_charge() {
    server.onCharge(request -> PaymentResponse.newBuilder().setSuccess(true).build());

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unknown.class);
  }

  @Test
  void a_refund_sends_the_transaction_and_answers_the_refund_id() {
    RefundResult result = gateway.refund(TENANT, "txn-9", BigDecimal.ZERO, "cancelled");

    assertThat(result).isEqualTo(new RefundResult.Refunded("refund-txn-9", "refunded"));
    var sent = server.refunds().getFirst();
    assertThat(sent.getTransactionId()).isEqualTo("txn-9");
    assertThat(sent.getAmount()).isZero();
    assertThat(sent.getReason()).isEqualTo("cancelled");
    assertThat(sent.getTenantId()).isEqualTo(TENANT.toString());
  }

  @Test
  void a_repeated_refund_is_refused_as_already_refunded_naming_the_first_refund() {
    gateway.refund(TENANT, "txn-7", BigDecimal.ZERO, "cancelled");

    assertThat(gateway.refund(TENANT, "txn-7", BigDecimal.ZERO, "cancelled"))
        .isEqualTo(
            new RefundResult.Refused(
                "PAYMENT_ALREADY_REFUNDED", "Payment has already been refunded", "refund-txn-7"));
  }

  @Test
  void a_refused_refund_carries_the_services_code() {
    server.onRefund(
        request ->
            RefundResponse.newBuilder()
                .setErrorCode("REFUND_FAILED")
                .setMessage("try later")
                .build());

    assertThat(gateway.refund(TENANT, "txn-9", BigDecimal.ZERO, "cancelled"))
        .isEqualTo(new RefundResult.Refused("REFUND_FAILED", "try later"));
  }

  @Test
  void every_call_shares_one_connection() {
    for (int i = 0; i < 5; i++) {
      gateway.charge(TENANT, UUID.randomUUID(), USER, BigDecimal.ONE);
      gateway.refund(TENANT, "txn-" + i, BigDecimal.ZERO, "test");
    }

    assertThat(server.charges()).hasSize(5);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void with_tls_a_plaintext_server_is_never_sent_the_request() {
    gateway.close();
    gateway = gatewayOn(server.port(), true);

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unavailable.class);
    assertThat(server.charges()).isEmpty();
  }

  @Test
  void after_close_calls_are_unavailable() {
    gateway.close();

    assertThat(gateway.charge(TENANT, RESERVATION, USER, BigDecimal.TEN))
        .isInstanceOf(ChargeResult.Unavailable.class);
    assertThat(server.charges()).isEmpty();
  }

  private static GrpcPaymentGateway gatewayOn(int port, boolean tls) {
    return gatewayOn(port, tls, TIMEOUT);
  }

  private static GrpcPaymentGateway gatewayOn(int port, boolean tls, Duration timeout) {
    return new GrpcPaymentGateway(new PaymentSettings("127.0.0.1", port, timeout, tls));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
