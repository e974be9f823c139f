package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.contract.IdempotencyContract;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.Storage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys on the embedded store; an answer is part of its commit's journal line. */
class JournaledIdempotencyTest extends IdempotencyContract {

  @RegisterExtension final JournaledStore journaled = new JournaledStore();

  @Override
  protected Storage newStorage() {
    return journaled.open();
  }

  @Test
  void answers_come_back_with_their_events_after_a_restart() throws Exception {
    Recorder booked = claimed(service.idempotency(), key("r-1"), "fp-r1");
    String id = book(service.answering(booked), "J-1");
    Recorder refused = claimed(service.idempotency(), key("r-2"), "fp-r2");
    service.idempotency().complete(refused.kept("refused"));
    storage.close();

    ReservationService reopened = service(journaled.open());

    Claim replayed = reopened.idempotency().begin(key("r-1"), "fp-r1");
    assertThat(new String(((Claim.Answered) replayed).answer().body(), StandardCharsets.UTF_8))
        .contains(id);
    Claim alone = reopened.idempotency().begin(key("r-2"), "fp-r2");
    assertThat(((Claim.Answered) alone).answer().body())
        .isEqualTo("refused".getBytes(StandardCharsets.UTF_8));
  }
}
