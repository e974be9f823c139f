package com.parkora.reservation.clients.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RabbitSettingsTest {

  @Test
  void a_confirm_timeout_of_zero_which_the_client_would_wait_out_for_ever_is_refused() {
    assertThatThrownBy(() -> settings(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confirmTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> settings(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings(Duration.ofMillis(1)).confirmTimeout()).isEqualTo(Duration.ofMillis(1));
  }

  private static RabbitSettings settings(Duration confirmTimeout) {
    return new RabbitSettings(
        "localhost", 5672, "guest", null, "reservations", "payments", confirmTimeout);
  }
}
