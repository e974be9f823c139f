package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationEvent.ReservationConfirmed;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReservationView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal after a crash: a torn last line, cut at any byte (inside a character, just before its
 * newline), never costs a complete event or a write acknowledged after reopening; a complete line
 * holding more than one JSON value is corruption, refused loudly.
 */
class JournalRecoveryTest {

  @TempDir Path dir;

  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final String start = Instant.now().plusSeconds(3600).toString();

  @Test
  void
      a_journal_cut_at_every_byte_of_its_last_line_opens_with_every_complete_event_and_keeps_new_writes()
          throws IOException {
    Path original = dir.resolve("original");
    List<String> ids = written(original, "A-1", "Ü-Straße-東京-\uD83D\uDE97");
    byte[] journal = Files.readAllBytes(original.resolve(Journal.FILE_NAME));
    int lastLine = lastLineStart(journal);
    assertThat(new String(journal, lastLine, journal.length - lastLine, StandardCharsets.UTF_8))
        .contains("\uD83D\uDE97");

    for (int cut = lastLine; cut <= journal.length; cut++) {
      Path copy = dir.resolve("cut-" + cut);
      Files.createDirectories(copy);
      Files.write(copy.resolve(Journal.FILE_NAME), Arrays.copyOf(journal, cut));
      boolean lastEventWhole = cut >= journal.length - 1;
      List<String> expected = lastEventWhole ? ids : ids.subList(0, 1);

      String after;
      try (JournaledStorage storage = Journal.open(copy, new EventCodec())) {
        assertThat(storage.replayedEvents()).as("cut at %d", cut).isEqualTo(expected.size());
        after = create(ReservationService.builder(storage).build(), "B-" + cut);
      }
      try (JournaledStorage reopened = Journal.open(copy, new EventCodec())) {
        ReservationService service = ReservationService.builder(reopened).build();
        assertThat(reopened.replayedEvents()).as("cut at %d", cut).isEqualTo(expected.size() + 1);
        for (String id : expected) {
          assertThat(service.byId(tenant, id)).as("cut at %d", cut).isPresent();
        }
        assertThat(service.byId(tenant, after)).as("cut at %d", cut).isPresent();
      }
    }
  }

  @Test
  void a_last_line_that_lost_only_its_newline_is_kept_and_the_next_write_gets_its_own_line()
      throws IOException {
    String first = written(dir, "A-1").getFirst();
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

    String second;
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(1);
      second = create(ReservationService.builder(storage).build(), "A-2");
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
    written(dir, "A-1", "東京");
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    byte[] tokyo = "東".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, tokyo, lastLineStart(bytes));
    Files.write(file, Arrays.copyOf(bytes, at + 1));

    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(1);
    }
    assertThat(Files.readAllLines(file)).hasSize(1);
  }

  @Test
  void a_complete_line_with_content_after_its_event_is_refused_as_corrupt() throws IOException {
    written(dir, "A-1", "A-2");
    Path file = dir.resolve(Journal.FILE_NAME);
    List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0) + " trailing", lines.get(1)));

    assertThatThrownBy(() -> Journal.open(dir, new EventCodec()))
        .hasMessageContaining("line 1 is corrupt");
  }

  @Test
  void a_complete_last_line_with_a_second_json_value_is_refused_not_half_replayed()
      throws IOException {
    written(dir, "A-1");
    Path file = dir.resolve(Journal.FILE_NAME);
    String line = Files.readAllLines(file).getFirst();
    Files.writeString(file, line + line + "\n");

    assertThatThrownBy(() -> Journal.open(dir, new EventCodec()))
        .hasMessageContaining("line 1 is corrupt");
  }

  @Test
  void text_utf8_cannot_hold_fails_the_commit_instead_of_being_written_as_a_question_mark()
      throws IOException {
    String id;
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      id = create(ReservationService.builder(storage).build(), "A-1");
      UUID reservation = UUID.fromString(id);
      NewEvent lone =
          new NewEvent(
              UUID.randomUUID(),
              new ReservationConfirmed(reservation, "txn-\uD800", Instant.now()),
              Map.of());
      assertThatThrownBy(
              () -> storage.inTransaction(tenant, uow -> uow.record(reservation, 1, List.of(lone))))
          .hasMessageContaining("journal");
      ReservationView still = ReservationService.builder(storage).build().byId(tenant, id).get();
      assertThat(still.transactionId()).isNull();
    }
    assertThat(Files.readAllLines(dir.resolve(Journal.FILE_NAME))).hasSize(1);
    assertThat(Files.readString(dir.resolve(Journal.FILE_NAME))).doesNotContain("txn-?");
  }

  /** Books one reservation per spot in the journal in {@code at}, closed again: their ids. */
  private List<String> written(Path at, String... spots) throws IOException {
    List<String> ids = new ArrayList<>();
    try (JournaledStorage storage = Journal.open(at, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      for (String spot : spots) {
        ids.add(create(service, spot));
      }
    }
    return ids;
  }

  private String create(ReservationService service, String spot) {
    return service
        .create(tenant, UUID.randomUUID().toString(), spot, start, 2, 4.0)
        .id()
        .toString();
  }

  private static int lastLineStart(byte[] journal) {
    for (int i = journal.length - 2; i >= 0; i--) {
      if (journal[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
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
