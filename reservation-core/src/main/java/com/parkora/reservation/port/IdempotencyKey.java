package com.parkora.reservation.port;

import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import java.util.Objects;

/**
 * An {@code Idempotency-Key} in its scope: the tenant, the acting subject (anonymous callers share
 * the tenant's scope) and the key the client sent. The same key of another tenant or subject is
 * another operation.
 */
public record IdempotencyKey(TenantId tenant, String subject, String key) {

  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subject, "subject");
    key = check(key);
  }

  /**
   * A key as the header carries it: 1 to {@value #MAX_LENGTH} printable ASCII characters (space to
   * tilde), not blank.
   */
  public static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH || key.isBlank()) {
      throw invalid();
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw invalid();
      }
    }
    return key;
  }

  private static ReservationException invalid() {
    return new ReservationException.InvalidInput(
        "Idempotency-Key",
        "The Idempotency-Key header must be 1 to " + MAX_LENGTH + " printable ASCII characters");
  }
}
