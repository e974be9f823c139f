package com.parkora.reservation.port;

import java.util.Arrays;
import java.util.Objects;

/** The answer of a request as it was sent: HTTP status and body bytes, replayed as they are. */
public record StoredAnswer(int status, byte[] body) {

  public StoredAnswer {
    Objects.requireNonNull(body, "body");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredAnswer that
        && status == that.status
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * status + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "StoredAnswer[" + status + ", " + body.length + " bytes]";
  }
}
