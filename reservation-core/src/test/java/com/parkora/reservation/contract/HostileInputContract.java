package com.parkora.reservation.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests that once did lasting damage: a booking whose end lies past what a store can read back,
 * and text holding lone surrogates that the stores wrote as {@code ?}. Each is refused before
 * anything is written, what is accepted at the edges reads back exactly after the store is
 * reopened, and the tenant can still be rebuilt.
 */
public abstract class HostileInputContract extends ReopenedStoreContract {

  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final String user = UUID.randomUUID().toString();

  private ReservationService at(String now) {
    return ReservationService.builder(storage).clock(TestClock.at(now)).build();
  }

  @Test
  void a_booking_whose_end_passes_the_year_9999_is_refused_and_the_store_stays_readable() {
    ReservationService service = at("9999-12-31T22:00:00Z");

    assertThatThrownBy(() -> service.create(tenant, user, "A-1", "9999-12-31T23:00:00Z", 2, 4.0))
        .isInstanceOfSatisfying(
            ReservationException.InvalidInput.class,
            e -> assertThat(e.field()).isEqualTo("endTime"));
    ReservationView kept = service.create(tenant, user, "A-1", "9999-12-31T22:30:00Z", 1, 4.0);

    reopen();
    ReservationService reopened = at("9999-12-31T22:00:00Z");
    assertThat(reopened.byUser(tenant, user, true)).containsExactly(kept);
    assertThat(reopened.rebuild(tenant, Storage.RebuildProgress.NONE)).isEqualTo(1);
    assertThat(reopened.byId(tenant, kept.id().toString())).contains(kept);
  }

  @Test
  void the_earliest_and_latest_instants_a_store_holds_read_back_exactly() {
    ReservationView earliest =
        at("1970-01-01T00:00:00Z").create(tenant, user, "E-1", "1970-01-01T00:00:00Z", 1, 0.0);
    ReservationView latest =
        at("9999-12-31T22:59:59Z")
            .create(tenant, user, "L-1", "9999-12-31T22:59:58.999999Z", 1, 99_999_999.99);
    assertThat(latest.endTime()).isEqualTo(Instant.parse("9999-12-31T23:59:58.999999Z"));

    reopen();
    ReservationService reopened = at("2030-01-01T00:00:00Z");
    assertThat(reopened.byId(tenant, earliest.id().toString())).contains(earliest);
    assertThat(reopened.byId(tenant, latest.id().toString())).contains(latest);
    assertThat(reopened.events(tenant, latest.id().toString())).hasSize(1);
    assertThat(reopened.rebuild(tenant, Storage.RebuildProgress.NONE)).isEqualTo(2);
    assertThat(reopened.byUser(tenant, user, true)).containsExactlyInAnyOrder(earliest, latest);
  }

  @Test
  void lone_surrogates_in_any_text_are_refused_and_nothing_is_stored_as_a_question_mark() {
    ReservationService service = at("2030-01-01T00:00:00Z");
    String start = "2030-01-02T10:00:00Z";

    for (String spot : List.of("X\uD800", "X\uDBFF", "X\uDC00", "\uDBFFX")) {
      assertThatThrownBy(() -> service.create(tenant, user, spot, start, 2, 4.0))
          .isInstanceOfSatisfying(
              ReservationException.InvalidInput.class,
              e -> assertThat(e.field()).isEqualTo("parkingSpotId"));
    }
    ReservationView car = service.create(tenant, user, "X\uD83D\uDE97", start, 2, 4.0);
    String id = car.id().toString();
    assertThatThrownBy(() -> service.confirm(tenant, id, "txn-\uD800"))
        .isInstanceOf(ReservationException.InvalidInput.class);
    assertThatThrownBy(() -> service.cancel(tenant, id, "because \uDFFF"))
        .isInstanceOf(ReservationException.InvalidInput.class);
    ReservationView question = service.create(tenant, user, "X?", start, 2, 4.0);

    reopen();
    ReservationService reopened = at("2030-01-01T00:00:00Z");
    assertThat(reopened.byUser(tenant, user, true))
        .extracting(ReservationView::parkingSpotId)
        .containsExactlyInAnyOrder("X\uD83D\uDE97", "X?");
    assertThat(reopened.events(tenant, id)).hasSize(1);
    assertThat(reopened.byId(tenant, question.id().toString())).contains(question);
  }
}
