package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.codec.EventFormatException;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rebuild reads its events on a connection and thread of its own: whichever side fails, or a
 * reader that sends nothing, the rebuild fails as a whole, the old read model stays, and no reader
 * is left running.
 */
class RebuildReaderTest {

  /** Sorts among random reservation ids, so the rebuild fails after some batches are written. */
  private static final UUID MIDDLE = UUID.fromString("80000000-0000-4000-8000-000000000000");

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("rebuild_reader");

  private TenantId tenant;
  private List<ReservationView> before;

  @BeforeEach
  void aTenantWithAHistoryAndABuiltModel() {
    tenant = Fixtures.newTenant();
    ReservationService service = ReservationService.builder(db.storage()).build();
    Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 60; i++) {
      String id =
          service
              .create(tenant, UUID.randomUUID().toString(), "S-" + i, start.toString(), 1, 2.5)
              .id()
              .toString();
      if (i % 2 == 0) {
        service.confirm(tenant, id, "t-" + i);
      }
    }
    db.storage().rebuild(tenant, new Projector(), Storage.RebuildProgress.NONE);
    before = rows();
    assertThat(before).hasSize(60);
  }

  @AfterEach
  void noReaderIsLeftRunning() {
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("rebuild-reader") && t.isAlive());
  }

  @Test
  void an_event_the_reader_cannot_decode_midway_rolls_the_whole_rebuild_back() {
    db.jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate(
                        """
                        INSERT INTO event_store (aggregate_id, aggregate_type, event_type, version,
                                                 data, tenant_id, created_at)
                        VALUES (:id, 'Reservation', 'RESERVATION_TELEPORTED', 1, '{}', :tenant, now())
                        """)
                    .bind("id", MIDDLE)
                    .bind("tenant", tenant.value())
                    .execute());
    List<Long> progress = new ArrayList<>();

    assertThatThrownBy(() -> db.storage().rebuild(tenant, new Projector(), progress::add, 5))
        .isInstanceOf(EventFormatException.class);

    assertThat(progress).as("batches were written before the failure").isNotEmpty();
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void a_projection_that_fails_midway_rolls_the_whole_rebuild_back_and_stops_the_reader() {
    Projector failing =
        new Projector() {
          private int projected;

          @Override
          public ReadModelWrite project(ReservationEvent event) {
            if (++projected == 50) {
              throw new IllegalStateException("projection failed");
            }
            return super.project(event);
          }
        };
    List<Long> progress = new ArrayList<>();

    assertThatThrownBy(() -> db.storage().rebuild(tenant, failing, progress::add, 5))
        .hasMessage("projection failed");

    assertThat(progress).isNotEmpty();
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void a_reader_that_sends_nothing_fails_the_rebuild_after_the_wait() {
    Jdbi jdbi = Jdbi.create(db.storage().dataSource());
    try (Handle blocker = db.jdbi().open()) {
      blocker.begin();
      blocker.execute("LOCK TABLE event_store IN ACCESS EXCLUSIVE MODE");

      assertThatThrownBy(
              () ->
                  SqlFailures.guarded(
                      () ->
                          jdbi.inTransaction(
                              handle -> {
                                Session session = Session.forTenant(handle, tenant);
                                session.lockForRebuild();
                                return new TenantRebuild(
                                        session,
                                        new EventCodec(),
                                        new Projector(),
                                        db.storage().dataSource()::getConnection,
                                        Duration.ofSeconds(1))
                                    .run(Storage.RebuildProgress.NONE, 5);
                              })))
          .isInstanceOf(ReservationException.DependencyUnavailable.class);

      blocker.rollback();
    }
    assertThat(rows()).isEqualTo(before);
  }

  private List<ReservationView> rows() {
    return db.storage().inTransaction(tenant, Fixtures::allRows);
  }
}
