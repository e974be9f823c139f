package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which refusals of RefundPayment another try can change (payment_servicer.py). */
class RefundRefusalTest {

  @Test
  void already_refunded_with_the_first_refund_id_completes_and_without_one_is_for_an_operator() {
    assertThat(RefundRefusal.of("PAYMENT_ALREADY_REFUNDED", "rf-1"))
        .isEqualTo(RefundRefusal.ALREADY_REFUNDED);
    assertThat(RefundRefusal.of("PAYMENT_ALREADY_REFUNDED", "")).isEqualTo(RefundRefusal.PERMANENT);
  }

  @Test
  void the_payment_services_final_answers_are_permanent_and_the_rest_passing() {
    for (String code :
        new String[] {
          "INVALID_REQUEST",
          "PAYMENT_NOT_FOUND",
          "REFUND_NOT_ALLOWED",
          "INVALID_ARGUMENT",
          "NOT_FOUND"
        }) {
      assertThat(RefundRefusal.of(code, "")).as(code).isEqualTo(RefundRefusal.PERMANENT);
    }
    for (String code : new String[] {"INTERNAL_ERROR", "RESOURCE_EXHAUSTED", "SOMETHING_NEW", ""}) {
      assertThat(RefundRefusal.of(code, "")).as(code).isEqualTo(RefundRefusal.PASSING);
    }
    assertThat(RefundRefusal.of(null, null)).isEqualTo(RefundRefusal.PASSING);
  }
}
