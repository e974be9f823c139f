package com.parkora.reservation.clients.payment;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notes whether a call's request message was handed to a real transport stream. Until then nothing
 * can have reached the payment service; from then on a failure leaves the outcome unknown.
 */
final class SentTracker implements ClientInterceptor {

  private final AtomicBoolean sent = new AtomicBoolean();

  boolean sent() {
    return sent.get();
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    return next.newCall(method, options.withStreamTracerFactory(new Factory()));
  }

  private final class Factory extends ClientStreamTracer.Factory {
    @Override
    public ClientStreamTracer newClientStreamTracer(
        ClientStreamTracer.StreamInfo info, Metadata headers) {
      return new ClientStreamTracer() {
        @Override
        public void outboundMessage(int seqNo) {
          sent.set(true);
        }
      };
    }
  }
}
