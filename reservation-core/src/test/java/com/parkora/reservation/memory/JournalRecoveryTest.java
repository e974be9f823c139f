package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationEvent.RefundRequested;
import com.parkora.reservation.domain.ReservationEvent.ReservationCancelled;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReservationView;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal after a crash: a torn last line, cut at any byte (inside a character, just before its
 * newline), holds all of its commit or none of it, and never costs an earlier commit or a write
 * acknowledged after reopening.
 */
class JournalRecoveryTest {

  @TempDir Path dir;

  private final Bookings bookings = new Bookings();
  private final TenantId tenant = bookings.tenant;

  /** What a reopened journal holds of the paid reservation and of the refunds owed. */
  private record Recovered(long events, ReservationStatus status, long refundsOwed) {

    /** The same after one more event, of another reservation. */
    Recovered plusOne() {
      return new Recovered(events + 1, status, refundsOwed);
    }
  }

  private static final Recovered STILL_PAID = new Recovered(3, ReservationStatus.CONFIRMED, 0);
  private static final Recovered CANCELLED_AND_OWED =
      new Recovered(5, ReservationStatus.CANCELLED, 1);

  @Test
  void a_journal_cut_at_every_byte_of_its_last_commit_holds_all_of_it_or_none_and_keeps_new_writes()
      throws IOException {
    Path original = dir.resolve("original");
    String booked = bookings.written(original, "A-1").getFirst();
    String paid = paidThenCancelled(original, "Ü-Straße-東京-\uD83D\uDE97");
    byte[] journal = Files.readAllBytes(original.resolve(Journal.FILE_NAME));
    int lastLine = Bookings.lastLineStart(journal);
    assertThat(new String(journal, lastLine, journal.length - lastLine, StandardCharsets.UTF_8))
        .contains("RESERVATION_CANCELLED", "REFUND_REQUESTED", "\uD83D\uDE97");

    for (int cut = lastLine; cut <= journal.length; cut++) {
      Path copy = dir.resolve("cut-" + cut);
      Files.createDirectories(copy);
      Files.write(copy.resolve(Journal.FILE_NAME), Arrays.copyOf(journal, cut));
      boolean commitWhole = cut >= journal.length - 1;
      Recovered expected = commitWhole ? CANCELLED_AND_OWED : STILL_PAID;

      String after;
      try (JournaledStorage storage = Journal.open(copy, new EventCodec())) {
        assertThat(recovered(storage, paid)).as("cut at %d", cut).isEqualTo(expected);
        after = bookings.create(ReservationService.builder(storage).build(), "B-" + cut);
      }
      try (JournaledStorage reopened = Journal.open(copy, new EventCodec())) {
        ReservationService service = ReservationService.builder(reopened).build();
        assertThat(recovered(reopened, paid)).as("cut at %d", cut).isEqualTo(expected.plusOne());
        assertThat(service.byId(tenant, booked)).as("cut at %d", cut).isPresent();
        assertThat(service.byId(tenant, after)).as("cut at %d", cut).isPresent();
      }
      assertThat(Files.readAllLines(copy.resolve(Journal.FILE_NAME)))
          .as("one line per commit, cut at %d", cut)
          .hasSize(commitWhole ? 5 : 4);
    }
  }

  @Test
  void a_last_line_that_lost_only_its_newline_is_kept_and_the_next_write_gets_its_own_line()
      throws IOException {
    String first = bookings.written(dir, "A-1").getFirst();
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

    String second;
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(1);
      second = bookings.create(ReservationService.builder(storage).build(), "A-2");
    }

    assertThat(Files.readAllLines(file)).hasSize(2);
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      assertThat(storage.replayedEvents()).isEqualTo(2);
      assertThat(service.byId(tenant, first)).isPresent();
      assertThat(service.byId(tenant, second)).isPresent();
    }
  }

  @Test
  void a_last_line_torn_inside_a_multibyte_character_is_cut_off() throws IOException {
    bookings.written(dir, "A-1", "東京");
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    byte[] tokyo = "東".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, tokyo, Bookings.lastLineStart(bytes));
    Files.write(file, Arrays.copyOf(bytes, at + 1));

    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(1);
    }
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void text_utf8_cannot_hold_fails_the_commit_instead_of_being_written_as_a_question_mark()
      throws IOException {
    String id;
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      id = bookings.create(ReservationService.builder(storage).build(), "A-1");
      UUID reservation = UUID.fromString(id);
      NewEvent lone =
          new NewEvent(
              UUID.randomUUID(),
              new ReservationConfirmed(reservation, "txn-\uD800", Instant.now()),
              Map.of());
      assertThatThrownBy(
              () ->
                  storage.inTransaction(
                      tenant,
                      uow -> {
                        uow.record(reservation, 1, List.of(lone));
                        return reservation;
                      }))
          .hasMessageContaining("journal");
      ReservationView still = ReservationService.builder(storage).build().byId(tenant, id).get();
      assertThat(still.transactionId()).isNull();
    }
    assertThat(Files.readAllLines(dir.resolve(Journal.FILE_NAME))).hasSize(1);
    assertThat(Files.readString(dir.resolve(Journal.FILE_NAME))).doesNotContain("txn-?");
  }

  /**
   * Books and pays a reservation in the journal in {@code at}, then cancels it in one unit of work
   * with the refund its payment is owed (what a cancellation decides when refunds are on): its id.
   */
  private String paidThenCancelled(Path at, String reason) {
    try (JournaledStorage storage = Journal.open(at, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      String id = bookings.create(service, "P-1");
      service.confirm(tenant, id, "txn-1");
      UUID reservation = UUID.fromString(id);
      Instant now = Instant.now();
      List<NewEvent> cancelAndRefund =
          List.of(
              newEvent(new ReservationCancelled(reservation, reason, null, now)),
              newEvent(
                  new RefundRequested(
                      reservation,
                      "txn-1",
                      new BigDecimal("8.00"),
                      "reservation cancelled: " + reason,
                      null,
                      now)));
      storage.inTransaction(
          tenant,
          uow -> {
            uow.record(reservation, 2, cancelAndRefund);
            return reservation;
          });
      return id;
    }
  }

  private static NewEvent newEvent(ReservationEvent event) {
    return new NewEvent(UUID.randomUUID(), event, Map.of());
  }

  private Recovered recovered(JournaledStorage storage, String id) {
    ReservationView view =
        ReservationService.builder(storage).build().byId(tenant, id).orElseThrow();
    return new Recovered(storage.replayedEvents(), view.status(), storage.refunds().pending());
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
