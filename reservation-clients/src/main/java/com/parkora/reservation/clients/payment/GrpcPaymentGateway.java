package com.parkora.reservation.clients.payment;

import com.parkora.reservation.clients.payment.grpc.PaymentRequest;
import com.parkora.reservation.clients.payment.grpc.PaymentResponse;
import com.parkora.reservation.clients.payment.grpc.PaymentServiceGrpc;
import com.parkora.reservation.clients.payment.grpc.RefundRequest;
import com.parkora.reservation.clients.payment.grpc.RefundResponse;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.PaymentGateway;
import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

  public GrpcPaymentGateway(PaymentSettings settings) {
    this.settings = settings;
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(settings.host(), settings.port());
    this.channel =
        (settings.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
  }

  @Override
  public ChargeResult charge(TenantId tenant, UUID reservationId, UUID userId, BigDecimal amount) {
    return call(
        PaymentServiceGrpc.getProcessPaymentMethod(),
        PaymentRequest.newBuilder()
            .setReservationId(reservationId.toString())
            .setUserId(userId.toString())
            .setAmount(amount.doubleValue())
            .setCurrency(CURRENCY)
            .setTenantId(tenant.toString())
            .build(),
        GrpcPaymentGateway::charged,
        GrpcPaymentGateway::chargeFailure);
  }

  @Override
  public RefundResult refund(
      TenantId tenant, String transactionId, BigDecimal amount, String reason) {
    return call(
        PaymentServiceGrpc.getRefundPaymentMethod(),
        RefundRequest.newBuilder()
            .setTransactionId(transactionId)
            .setAmount(amount.doubleValue())
            .setReason(reason == null ? "" : reason)
            .setTenantId(tenant.toString())
            .build(),
        GrpcPaymentGateway::refunded,
        GrpcPaymentGateway::refundFailure);
  }

  private static ChargeResult charged(PaymentResponse response) {
    if (!response.getSuccess()) {
      return new ChargeResult.Declined(response.getErrorCode(), response.getMessage());
    }
    if (response.getTransactionId().isBlank()) {
      return new ChargeResult.Unknown("the payment service answered success without a transaction");
    }
    return new ChargeResult.Charged(response.getTransactionId(), response.getMessage());
  }

  private static RefundResult refunded(RefundResponse response) {
    if (!response.getSuccess() || response.getRefundId().isBlank()) {
      return new RefundResult.Refused(
          response.getErrorCode(), response.getMessage(), response.getRefundId());
    }
    return new RefundResult.Refunded(response.getRefundId(), response.getMessage());
  }

  private static ChargeResult chargeFailure(Failed failed) {
    return switch (failed.kind()) {
      case UNAVAILABLE -> new ChargeResult.Unavailable(failed.reason());
      case UNKNOWN -> new ChargeResult.Unknown(failed.reason());
      case REFUSED -> new ChargeResult.Declined(failed.code(), failed.reason());
    };
  }

  private static RefundResult refundFailure(Failed failed) {
    return switch (failed.kind()) {
      case UNAVAILABLE -> new RefundResult.Unavailable(failed.reason());
      case UNKNOWN -> new RefundResult.Unknown(failed.reason());
      case REFUSED -> new RefundResult.Refused(failed.code(), failed.reason());
    };
  }

  /**
   * Makes one call under the deadline. Its answer goes to {@code answered}; a failed call is
   * logged, classified by whether its request was sent, and goes to {@code failed}.
   */
  private <Q, R, T> T call(
      MethodDescriptor<Q, R> method,
      Q request,
      Function<R, T> answered,
      Function<Failed, T> failed) {
    SentTracker tracker = new SentTracker();
    CallOptions deadline =
        CallOptions.DEFAULT.withDeadlineAfter(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
    R response;
    try {
      response =
          ClientCalls.blockingUnaryCall(
              ClientInterceptors.intercept(channel, tracker), method, deadline, request);
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      String reason = describe(status);
      LOG.warn(
          "{} failed (request sent: {}): {}", method.getBareMethodName(), tracker.sent(), reason);
      return failed.apply(
          new Failed(Failure.of(status, tracker.sent()), status.getCode().name(), reason));
    }
    return answered.apply(response);
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

  private String describe(Status status) {
    String where = settings.host() + ":" + settings.port();
    return status.getDescription() == null
        ? status.getCode() + " from " + where
        : status.getCode() + " from " + where + ": " + status.getDescription();
  }

  /** A failed call: what it means for the money, the gRPC status code, and a reason to show. */
  record Failed(Failure kind, String code, String reason) {}

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
