package com.parkora.reservation.clients.payment;

import com.parkora.reservation.clients.payment.grpc.PaymentRequest;
import com.parkora.reservation.clients.payment.grpc.PaymentResponse;
import com.parkora.reservation.clients.payment.grpc.PaymentServiceGrpc;
import com.parkora.reservation.clients.payment.grpc.RefundRequest;
import com.parkora.reservation.clients.payment.grpc.RefundResponse;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment service over gRPC (docs/payments.md): one long-lived channel, a deadline on every
 * call. A failed call is classified by whether its request reached a transport: before that,
 * nothing can have been charged; after it, a missing answer leaves the outcome unknown.
 */
public final class GrpcPaymentGateway implements PaymentGateway, AutoCloseable {

  static final String CURRENCY = "EUR";
  private static final Logger LOG = LoggerFactory.getLogger(GrpcPaymentGateway.class);

  private final PaymentSettings settings;
  private final ManagedChannel channel;
  private final PaymentServiceGrpc.PaymentServiceBlockingStub stub;

  public GrpcPaymentGateway(PaymentSettings settings) {
    this.settings = settings;
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(settings.host(), settings.port());
    this.channel =
        (settings.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
    this.stub = PaymentServiceGrpc.newBlockingStub(channel);
  }

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    PaymentRequest request =
        PaymentRequest.newBuilder()
            .setReservationId(reservationId.toString())
            .setUserId(userId.toString())
            .setAmount(amount.doubleValue())
            .setCurrency(CURRENCY)
            .setTenantId(tenant.toString())
            .build();
    SentTracker tracker = new SentTracker();
    PaymentResponse response;
    try {
      response = deadlined(tracker).processPayment(request);
    } catch (StatusRuntimeException e) {
      return chargeFailure(e.getStatus(), tracker.sent());
    }
    if (!response.getSuccess()) {
      return new ChargeResult.Declined(response.getErrorCode(), response.getMessage());
    }
    if (response.getTransactionId().isBlank()) {
      return new ChargeResult.Unknown("the payment service answered success without a transaction");
    }
    return new ChargeResult.Charged(response.getTransactionId(), response.getMessage());
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    RefundRequest request =
        RefundRequest.newBuilder()
            .setTransactionId(transactionId)
            .setAmount(amount.doubleValue())
            .setReason(reason == null ? "" : reason)
            .setTenantId(tenant.toString())
            .build();
    SentTracker tracker = new SentTracker();
    RefundResponse response;
    try {
      response = deadlined(tracker).refundPayment(request);
    } catch (StatusRuntimeException e) {
      return refundFailure(e.getStatus(), tracker.sent());
    }
    if (!response.getSuccess() || response.getRefundId().isBlank()) {
      return new RefundResult.Refused(response.getErrorCode(), response.getMessage());
    }
    return new RefundResult.Refunded(response.getRefundId(), response.getMessage());
  }

  /** Stops the channel: calls in flight get up to one deadline to finish. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private PaymentServiceGrpc.PaymentServiceBlockingStub deadlined(SentTracker tracker) {
    return stub.withInterceptors(tracker)
        .withDeadlineAfter(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  private ChargeResult chargeFailure(Status status, boolean sent) {
    String reason = describe(status);
    LOG.warn("ProcessPayment failed (request sent: {}): {}", sent, reason);
    return switch (Failure.of(status, sent)) {
      case UNAVAILABLE -> new ChargeResult.Unavailable(reason);
      case UNKNOWN -> new ChargeResult.Unknown(reason);
      case REFUSED -> new ChargeResult.Declined(status.getCode().name(), reason);
    };
  }

  private RefundResult refundFailure(Status status, boolean sent) {
    String reason = describe(status);
    LOG.warn("RefundPayment failed (request sent: {}): {}", sent, reason);
    return switch (Failure.of(status, sent)) {
      case UNAVAILABLE -> new RefundResult.Unavailable(reason);
      case UNKNOWN -> new RefundResult.Unknown(reason);
      case REFUSED -> new RefundResult.Refused(status.getCode().name(), reason);
    };
  }

  private String describe(Status status) {
    String where = settings.host() + ":" + settings.port();
    return status.getDescription() == null
        ? status.getCode() + " from " + where
        : status.getCode() + " from " + where + ": " + status.getDescription();
  }

  /** What a failed call means for the money. */
  enum Failure {
    /** The request never reached a transport: nothing happened. */
    UNAVAILABLE,
    /** The request left and no answer says what happened. */
    UNKNOWN,
    /** The payment service answered with a status that refuses the request. */
    REFUSED;

    static Failure of(Status status, boolean sent) {
      if (!sent) {
        return UNAVAILABLE;
      }
      return switch (status.getCode()) {
        case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, UNKNOWN, INTERNAL, DATA_LOSS, ABORTED, OK ->
            UNKNOWN;
        case INVALID_ARGUMENT,
            FAILED_PRECONDITION,
            OUT_OF_RANGE,
            NOT_FOUND,
            ALREADY_EXISTS,
            PERMISSION_DENIED,
            UNAUTHENTICATED,
            RESOURCE_EXHAUSTED,
            UNIMPLEMENTED ->
            REFUSED;
      };
    }
  }
}
