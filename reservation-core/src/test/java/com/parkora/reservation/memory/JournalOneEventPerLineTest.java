package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.port.FeedEvent;
import com.parkora.reservation.port.FeedLease;
import com.parkora.reservation.port.FeedPosition;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal as the embedded store wrote it before a commit became one line (one event per line, a
 * cancellation and its refund request on two lines): it opens and replays exactly, every event in
 * its order at its position, and new commits follow its lines, which stay as they were.
 */
class JournalOneEventPerLineTest {

  /** Written by the store of that time: a booking paid, cancelled, its refund failed; one paid. */
  private static final String FIXTURE = "one-event-per-line.jsonl";

  @TempDir Path dir;

  private final EventCodec codec = new EventCodec();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void every_event_replays_as_written_in_its_order_at_its_position() throws IOException {
    List<String> lines = fixture();
    try (JournaledStorage storage = Journal.open(dir, codec)) {
      assertThat(storage.replayedEvents()).isEqualTo(lines.size());
      assertThat(feed(storage, FeedPosition.START))
          .extracting(e -> tree(codec.messageLine(e.event())))
          .containsExactlyElementsOf(lines.stream().map(this::tree).toList());
    }
  }

  @Test
  void a_reservation_cancelled_after_its_payment_still_owes_its_refund() throws IOException {
    StoredEvent booked = codec.fromMessage(fixture().getFirst());
    try (JournaledStorage storage = Journal.open(dir, codec)) {
      ReservationView view =
          ReservationService.builder(storage)
              .build()
              .byId(booked.tenantId(), booked.aggregateId().toString())
              .orElseThrow();
      assertThat(view.status()).isEqualTo(ReservationStatus.CANCELLED);
      assertThat(storage.refunds().owedFor(view.transactionId())).hasSize(1);
    }
  }

  @Test
  void new_commits_follow_the_old_lines_and_the_relay_resumes_after_its_checkpoint()
      throws IOException {
    List<String> lines = fixture();
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] before = Files.readAllBytes(file);
    StoredEvent booked = codec.fromMessage(lines.getFirst());
    try (JournaledStorage storage = Journal.open(dir, codec)) {
      FeedLease lease = storage.feedLease("rabbitmq");
      lease.saveCheckpoint(lease.acquire().orElseThrow(), new FeedPosition(0, lines.size()));
      ReservationService.builder(storage)
          .build()
          .create(
              booked.tenantId(),
              UUID.randomUUID().toString(),
              "N-1",
              Instant.now().plusSeconds(3600).toString(),
              2,
              4.0);
    }

    assertThat(Arrays.copyOf(Files.readAllBytes(file), before.length)).isEqualTo(before);
    try (JournaledStorage storage = Journal.open(dir, codec)) {
      assertThat(storage.replayedEvents()).isEqualTo(lines.size() + 1);
      assertThat(feed(storage, storage.feedLease("rabbitmq").checkpoint()))
          .extracting(e -> e.feedPosition().position())
          .containsExactly(lines.size() + 1L);
    }
  }

  @Test
  void a_torn_last_line_of_the_old_format_is_cut_as_before() throws IOException {
    List<String> lines = fixture();
    Path file = dir.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - lines.getLast().length() / 2));

    try (JournaledStorage storage = Journal.open(dir, codec)) {
      assertThat(storage.replayedEvents()).isEqualTo(lines.size() - 1);
    }
    assertThat(Files.readAllLines(file)).isEqualTo(lines.subList(0, lines.size() - 1));
  }

  /** Copies the fixture into the data directory: its lines. */
  private List<String> fixture() throws IOException {
    try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
      Files.write(dir.resolve(Journal.FILE_NAME), in.readAllBytes());
    }
    return Files.readAllLines(dir.resolve(Journal.FILE_NAME), StandardCharsets.UTF_8);
  }

  /** A line as JSON, whose objects are equal whatever the order of their fields. */
  private JsonNode tree(String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<FeedEvent> feed(JournaledStorage storage, FeedPosition after) {
    return storage.feed().readAfter(after, 100, Optional.empty());
  }
}
