package com.parkora.reservation.memory;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reservations of one tenant booked into a journal, for the journal's tests. */
final class Bookings {

  final TenantId tenant = new TenantId(UUID.randomUUID());
  private final String start = Instant.now().plusSeconds(3600).toString();

  /** Books one reservation per spot in the journal in {@code at}, closed again: their ids. */
  List<String> written(Path at, String... spots) {
    List<String> ids = new ArrayList<>();
    try (JournaledStorage storage = Journal.open(at, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      for (String spot : spots) {
        ids.add(create(service, spot));
      }
    }
    return ids;
  }

  /** Books a two-hour reservation of {@code spot}: its id. */
  String create(ReservationService service, String spot) {
    return service
        .create(tenant, UUID.randomUUID().toString(), spot, start, 2, 4.0)
        .id()
        .toString();
  }

  /** Where the last line of {@code journal} (whose last byte may be its newline) starts. */
  static int lastLineStart(byte[] journal) {
    for (int i = journal.length - 2; i >= 0; i--) {
      if (journal[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }
}
