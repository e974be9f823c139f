package com.parkora.reservation.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.AnswerRecorder;
import com.parkora.reservation.app.Idempotency;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.IdempotencyStore.Claim;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.Storage;
import com.parkora.reservation.port.StoredAnswer;
import com.parkora.reservation.port.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store does with {@code Idempotency-Key}s: claims, answers kept with the events,
 * replays, reuse, expiry after the TTL (a test clock), purge and take-over of a dead claim.
 */
public abstract class IdempotencyContract {

  protected static final Duration TTL = Duration.ofHours(24);
  protected final TestClock clock = TestClock.at("2026-11-20T00:00:00Z");
  protected final TenantId tenant = new TenantId(UUID.randomUUID());
  protected Storage storage;
  protected ReservationService service;

  /** The storage under test; it may be shared by the tests of a class. */
  protected abstract Storage newStorage();

  @BeforeEach
  void open() {
    storage = newStorage();
    service = service(storage);
  }

  protected ReservationService service(Storage on) {
    return ReservationService.builder(on)
        .clock(clock)
        .idempotencyTtl(TTL)
        .paymentCallLimit(Duration.ofMillis(100))
        .build();
  }

  /** Keeps the command's result as its answer, as the HTTP layer does with the rendered bytes. */
  protected record Recorder(IdempotencyKey key, String fingerprint, Claim.Claimed claim)
      implements AnswerRecorder {

    @Override
    public void keep(UnitOfWork uow, Object result) {
      uow.keepAnswer(kept(result.toString()));
    }

    @Override
    public void undecided() {}

    public KeptAnswer kept(String body) {
      return new KeptAnswer(
          key,
          fingerprint,
          claim.claim(),
          new StoredAnswer(200, body.getBytes(StandardCharsets.UTF_8)),
          claim.at());
    }
  }

  protected IdempotencyKey key(String key) {
    return new IdempotencyKey(tenant, "anonymous", key);
  }

  protected Recorder claimed(Idempotency keys, IdempotencyKey key, String fingerprint) {
    Claim claim = keys.begin(key, fingerprint);
    assertThat(claim).isInstanceOf(Claim.Claimed.class);
    return new Recorder(key, fingerprint, (Claim.Claimed) claim);
  }

  protected String book(ReservationService acting, String spot) {
    return acting
        .create(tenant, UUID.randomUUID().toString(), spot, "2026-12-01T10:00:00Z", 2, 4.0)
        .id()
        .toString();
  }

  @Test
  void an_answer_kept_with_the_events_is_replayed_and_another_request_is_refused() {
    Idempotency keys = service.idempotency();
    Recorder recorder = claimed(keys, key("k-1"), "fp-1");

    String id = book(service.answering(recorder), "I-1");

    Claim again = keys.begin(key("k-1"), "fp-1");
    assertThat(again).isInstanceOf(Claim.Answered.class);
    assertThat(new String(((Claim.Answered) again).answer().body(), StandardCharsets.UTF_8))
        .contains(id);
    assertThatThrownBy(() -> keys.begin(key("k-1"), "fp-other"))
        .isInstanceOf(ReservationException.IdempotencyKeyReused.class);
    assertThat(keys.begin(new IdempotencyKey(tenant, "someone-else", "k-1"), "fp-other"))
        .as("another subject's key of the same text is another key")
        .isInstanceOf(Claim.Claimed.class);
  }

  @Test
  void a_refused_command_keeps_no_answer_with_events() {
    Idempotency keys = service.idempotency();
    book(service, "I-2");
    Recorder recorder = claimed(keys, key("k-2"), "fp-2");

    assertThatThrownBy(() -> book(service.answering(recorder), "I-2"))
        .isInstanceOf(ReservationException.SlotUnavailable.class);
    assertThat(keys.complete(recorder.kept("SLOT_UNAVAILABLE"))).isTrue();

    Claim again = keys.begin(key("k-2"), "fp-2");
    assertThat(new String(((Claim.Answered) again).answer().body(), StandardCharsets.UTF_8))
        .isEqualTo("SLOT_UNAVAILABLE");
    assertThat(service.eventStats(tenant).byType().get(EventType.RESERVATION_CREATED)).isEqualTo(1);
  }

  @Test
  void a_running_request_makes_the_same_one_wait_then_in_progress_and_a_release_frees_it() {
    Idempotency keys = service.idempotency();
    Recorder first = claimed(keys, key("k-3"), "fp-3");

    assertThatThrownBy(() -> keys.begin(key("k-3"), "fp-3"))
        .isInstanceOf(ReservationException.IdempotencyInProgress.class);
    keys.release(key("k-3"), first.claim().claim());
    claimed(keys, key("k-3"), "fp-3");
  }

  @Test
  void a_claim_left_unanswered_past_its_lease_is_taken_over_and_the_old_one_cannot_answer() {
    Idempotency keys = service.idempotency();
    Recorder dead = claimed(keys, key("k-4"), "fp-4");

    clock.advance(Duration.ofMinutes(2));
    Recorder next = claimed(keys, key("k-4"), "fp-4");

    assertThat(next.claim().claim()).isNotEqualTo(dead.claim().claim());
    assertThatThrownBy(() -> book(service.answering(dead), "I-4"))
        .isInstanceOf(ReservationException.IdempotencyInProgress.class);
    assertThat(service.eventStats(tenant).totalEvents())
        .as("the command of a lost claim rolled back")
        .isZero();
    assertThat(keys.complete(dead.kept("late"))).isFalse();
  }

  @Test
  void keys_expire_after_the_ttl_and_are_purged() {
    Idempotency keys = service.idempotency();
    book(service.answering(claimed(keys, key("k-5"), "fp-5")), "I-5");
    claimed(keys, key("k-6"), "fp-6"); // never answered

    clock.advance(TTL.minusSeconds(1));
    assertThat(keys.purgeExpired()).isZero();
    assertThatThrownBy(() -> keys.begin(key("k-5"), "fp-other"))
        .isInstanceOf(ReservationException.IdempotencyKeyReused.class);

    clock.advance(Duration.ofSeconds(1));
    assertThat(keys.purgeExpired()).isGreaterThanOrEqualTo(2);
    assertThat(keys.begin(key("k-5"), "fp-other"))
        .as("an expired key is a new key")
        .isInstanceOf(Claim.Claimed.class);
  }
}
