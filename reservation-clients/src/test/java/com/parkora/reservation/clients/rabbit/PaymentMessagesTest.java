package com.parkora.reservation.clients.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.port.PaymentNotice;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The payment service's messages as docs/notifications.md gives them, and what is refused. */
class PaymentMessagesTest {

  private final PaymentMessages messages = new PaymentMessages();

  static Stream<Arguments> notices() {
    return Stream.of(
        Arguments.of(
            "a processed message names the charge and its reservation",
            "payment.processed",
            """
            {"event_type":"payment.processed","transaction_id":"txn-1","reservation_id":"r-1",
             "user_id":"u-1","amount":12.5,"currency":"EUR","timestamp":"2031-05-01T08:00:00Z"}""",
            new PaymentNotice.Charged("txn-1", "r-1", new BigDecimal("12.5"))),
        Arguments.of(
            "a refunded message names the transaction and the refund",
            "payment.refunded",
            """
            {"event_type":"payment.refunded","refund_id":"rf-1","transaction_id":"txn-1",
             "amount":12.5,"reason":"cancelled","timestamp":"2031-05-01T08:00:00Z"}""",
            new PaymentNotice.Refunded("txn-1", "rf-1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notices")
  void a_message_is_read_as_the_notice_it_gives(
      String behaviour, String key, String body, PaymentNotice notice) {
    assertThat(read(key, body)).isEqualTo(notice);
  }

  @Test
  void what_is_not_a_notice_is_refused_with_a_one_line_reason() {
    assertRefused(
        "payment.failed", "{\"transaction_id\":\"t\"}", "unknown routing key 'payment.failed'");
    assertRefused("payment.processed", "{oops", "body is not JSON");
    assertRefused("payment.processed", "[1]", "body is not a JSON object");
    assertRefused("payment.processed", "{} {}", "body is not JSON");
    assertRefused("payment.processed", "{\"transaction_id\":\"t\"}", "'reservation_id' is missing");
    assertRefused("payment.refunded", "{\"transaction_id\":\"t\"}", "'refund_id' is missing");
    assertRefused(
        "payment.processed",
        "{\"transaction_id\":7,\"reservation_id\":\"r\"}",
        "'transaction_id' must be a non-blank string");
    assertRefused(
        "payment.processed",
        "{\"transaction_id\":\"" + "t".repeat(256) + "\",\"reservation_id\":\"r\"}",
        "'transaction_id' is longer than 255 characters");
    assertRefused(
        "payment.processed",
        "{\"transaction_id\":\"t\",\"reservation_id\":\"r\",\"amount\":\"lots\"}",
        "'amount' must be a number");
  }

  private PaymentNotice read(String key, String body) {
    return messages.read(key, body.getBytes(StandardCharsets.UTF_8));
  }

  private void assertRefused(String key, String body, String reason) {
    assertThatThrownBy(() -> read(key, body))
        .isInstanceOf(BadPaymentMessage.class)
        .hasMessageStartingWith(reason)
        .hasNoCause();
  }
}
