package com.parkora.reservation.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  private final TenantId tenant = new TenantId(UUID.randomUUID());

  @Test
  void printable_ascii_of_one_to_255_characters_is_a_key() {
    assertThat(new IdempotencyKey(tenant, "anonymous", "a").key()).isEqualTo("a");
    assertThat(new IdempotencyKey(tenant, "anonymous", "~ x".repeat(85)).key()).hasSize(255);
  }

  @Test
  void anything_else_is_invalid_input() {
    for (String bad : new String[] {"", "   ", "k".repeat(256), "clé", "tab\there", "nl\n"}) {
      assertThatThrownBy(() -> new IdempotencyKey(tenant, "anonymous", bad))
          .as(bad)
          .isInstanceOf(ReservationException.InvalidInput.class)
          .hasMessageContaining("Idempotency-Key");
    }
  }
}
