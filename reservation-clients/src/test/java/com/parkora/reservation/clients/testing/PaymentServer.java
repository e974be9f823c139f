package com.parkora.reservation.clients.testing;

import com.parkora.reservation.clients.payment.grpc.PaymentRequest;
import com.parkora.reservation.clients.payment.grpc.PaymentResponse;
import com.parkora.reservation.clients.payment.grpc.PaymentServiceGrpc;
import com.parkora.reservation.clients.payment.grpc.RefundRequest;
import com.parkora.reservation.clients.payment.grpc.RefundResponse;
import io.grpc.Attributes;
import io.grpc.Server;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real payment service on loopback for tests: a {@code PaymentServiceImplBase} whose answers the
 * test sets, remembering every request it received and every connection it accepted.
 */
public final class PaymentServer implements AutoCloseable {

  /** How the server answers a request; may block, throw a gRPC status, or answer. */
  @FunctionalInterface
  public interface Answer<Q, A> {
    A answer(Q request) throws Exception;
  }

  private final List<PaymentRequest> charges = new CopyOnWriteArrayList<>();
  private final List<RefundRequest> refunds = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger charged = new AtomicInteger();
  private final AtomicReference<Answer<PaymentRequest, PaymentResponse>> chargeAnswer =
      new AtomicReference<>(this::approve);
  private final Map<String, String> refundIds = new ConcurrentHashMap<>();
  private final AtomicReference<Answer<RefundRequest, RefundResponse>> refundAnswer =
      new AtomicReference<>(this::refundOnce);
  private final Server server;

  public PaymentServer() {
    this(0);
  }

  /** Listens on {@code port} of the loopback address (0: a free one). */
  public PaymentServer(int port) {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(new Service())
            .addTransportFilter(
                new ServerTransportFilter() {
                  @Override
                  public Attributes transportReady(Attributes attributes) {
                    connections.incrementAndGet();
                    return attributes;
                  }
                })
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test payment server", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public void onCharge(Answer<PaymentRequest, PaymentResponse> answer) {
    chargeAnswer.set(answer);
  }

  public void onRefund(Answer<RefundRequest, RefundResponse> answer) {
    refundAnswer.set(answer);
  }

  /**
   * The default refund answer, as the real payment service's ({@code payment_servicer.py}): the
   * first refund of a transaction succeeds; every later one answers {@code success=false}, {@code
   * PAYMENT_ALREADY_REFUNDED} and the first refund id.
   */
  public RefundResponse refundOnce(RefundRequest request) {
    String first =
        refundIds.putIfAbsent(request.getTransactionId(), "refund-" + request.getTransactionId());
    if (first != null) {
      return RefundResponse.newBuilder()
          .setSuccess(false)
          .setRefundId(first)
          .setMessage("Payment has already been refunded")
          .setErrorCode("PAYMENT_ALREADY_REFUNDED")
          .build();
    }
    return RefundResponse.newBuilder()
        .setSuccess(true)
        .setRefundId("refund-" + request.getTransactionId())
        .setMessage("refunded")
        .build();
  }

  /** The default charge answer: success with a new transaction id per call. */
  public PaymentResponse approve(PaymentRequest request) {
    return PaymentResponse.newBuilder()
        .setSuccess(true)
        .setTransactionId("txn-" + charged.incrementAndGet() + "-" + request.getReservationId())
        .setMessage("Payment processed")
        .build();
  }

  /** A charge the payment service declines with {@code code}. */
  public static PaymentResponse declined(String code, String message) {
    return PaymentResponse.newBuilder()
        .setSuccess(false)
        .setErrorCode(code)
        .setMessage(message)
        .build();
  }

  public List<PaymentRequest> charges() {
    return charges;
  }

  public List<RefundRequest> refunds() {
    return refunds;
  }

  public int connections() {
    return connections.get();
  }

  /** Drops every connection at once, calls in flight included. */
  public void kill() {
    server.shutdownNow();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class Service extends PaymentServiceGrpc.PaymentServiceImplBase {
    @Override
    public void processPayment(PaymentRequest request, StreamObserver<PaymentResponse> responses) {
      charges.add(request);
      reply(chargeAnswer.get(), request, responses);
    }

    @Override
    public void refundPayment(RefundRequest request, StreamObserver<RefundResponse> responses) {
      refunds.add(request);
      reply(refundAnswer.get(), request, responses);
    }

    private <Q, A> void reply(Answer<Q, A> answer, Q request, StreamObserver<A> responses) {
      A response;
      try {
        response = answer.answer(request);
      } catch (StatusRuntimeException e) {
        responses.onError(e);
        return;
      } catch (Exception e) {
        responses.onError(Status.INTERNAL.withCause(e).asRuntimeException());
        return;
      }
      responses.onNext(response);
      responses.onCompleted();
    }
  }
}
