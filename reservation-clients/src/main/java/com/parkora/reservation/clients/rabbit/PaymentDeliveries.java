package com.parkora.reservation.clients.rabbit;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.PaymentNotice;
import com.parkora.reservation.port.PaymentNoticeHandler;
import com.parkora.reservation.port.PaymentNoticeHandler.Handled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of one delivery: handled and acknowledged; rejected to the dead-letter exchange when
 * it can never be handled (not a notice, a reservation no tenant has, a value the rule refuses, or
 * an unexpected failure, logged with its stack trace); requeued when it failed for a passing reason
 * (the store did not answer, or kept clashing with other writers), to be handled again after a
 * backoff.
 */
final class PaymentDeliveries {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentDeliveries.class);

  enum Verdict {
    ACK,
    DEAD_LETTER,
    REQUEUE
  }

  private final PaymentMessages messages = new PaymentMessages();
  private final PaymentNoticeHandler handler;
  private final PaymentEventMetrics metrics;

  PaymentDeliveries(PaymentNoticeHandler handler, PaymentEventMetrics metrics) {
    this.handler = handler;
    this.metrics = metrics;
  }

  Verdict handle(String rawKey, byte[] body) {
    metrics.consumed();
    String routingKey = PaymentMessages.printable(rawKey);
    try {
      PaymentNotice notice = messages.read(rawKey, body);
      Handled outcome = handler.handle(notice);
      if (outcome.rejected()) {
        return deadLetter(
            routingKey, "reservation " + reservationOf(notice) + " is not stored under any tenant");
      }
      metrics.handled(outcome);
      LOG.info(
          "{} of {}: {}", routingKey, PaymentMessages.printable(notice.transactionId()), outcome);
      return Verdict.ACK;
    } catch (BadPaymentMessage e) {
      return deadLetter(routingKey, e.getMessage());
    } catch (ReservationException.DependencyUnavailable
        | ReservationException.Conflict
        | ReservationException.Internal e) {
      LOG.warn("{} not handled now, requeued after a backoff: {}", routingKey, e.getMessage());
      metrics.requeued();
      return Verdict.REQUEUE;
    } catch (ReservationException e) {
      return deadLetter(routingKey, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed unexpectedly; dead-lettered", routingKey, e);
      metrics.deadLettered();
      return Verdict.DEAD_LETTER;
    }
  }

  private Verdict deadLetter(String routingKey, String reason) {
    LOG.warn("{} dead-lettered: {}", routingKey, reason.replaceAll("\\p{Cntrl}", " "));
    metrics.deadLettered();
    return Verdict.DEAD_LETTER;
  }

  private static String reservationOf(PaymentNotice notice) {
    return notice instanceof PaymentNotice.Charged charged
        ? PaymentMessages.printable(charged.reservationId())
        : "?";
  }
}
