package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.ReservationView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir Path dir;

  private final TenantId tenant = new TenantId(UUID.randomUUID());
  private final String start = Instant.now().plusSeconds(3600).toString();

  @Test
  void reservations_made_before_a_restart_are_there_after_it() {
    ReservationView booked;
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      booked = service.create(tenant, UUID.randomUUID().toString(), "A-1", start, 2, 4.0);
      service.confirm(tenant, booked.id().toString(), "txn-1");
    }

    try (JournaledStorage reopened = Journal.open(dir, new EventCodec())) {
      ReservationService service = ReservationService.builder(reopened).build();
      assertThat(reopened.replayedEvents()).isEqualTo(2);
      ReservationView after = service.byId(tenant, booked.id().toString()).orElseThrow();
      assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
      assertThat(after.createdAt()).isEqualTo(booked.createdAt());
      assertThat(service.events(tenant, booked.id().toString())).hasSize(2);
    }
  }

  @Test
  void a_rejected_command_is_not_journaled() throws Exception {
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      service.create(tenant, UUID.randomUUID().toString(), "A-1", start, 2, 4.0);
      try {
        service.create(tenant, UUID.randomUUID().toString(), "A-1", start, 2, 4.0);
      } catch (RuntimeException expected) {
        // slot taken
      }
    }
    assertThat(Files.readAllLines(dir.resolve(Journal.FILE_NAME))).hasSize(1);
  }

  @Test
  void a_torn_last_line_from_a_crash_is_dropped_and_writing_goes_on() throws Exception {
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      ReservationService.builder(storage)
          .build()
          .create(tenant, UUID.randomUUID().toString(), "A-1", start, 2, 4.0);
    }
    Files.writeString(
        dir.resolve(Journal.FILE_NAME),
        "{\"event_id\": \"0c1d",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(1);
      ReservationService.builder(storage)
          .build()
          .create(tenant, UUID.randomUUID().toString(), "A-2", start, 2, 4.0);
    }
    try (JournaledStorage storage = Journal.open(dir, new EventCodec())) {
      assertThat(storage.replayedEvents()).isEqualTo(2);
    }
  }
}
