package com.parkora.reservation.clients.rabbit;

/** A message on the payments queue that is no notice this service reads; its one-line reason. */
final class BadPaymentMessage extends RuntimeException {

  BadPaymentMessage(String reason) {
    super(reason, null, false, false);
  }
}
