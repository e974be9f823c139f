package com.parkora.reservation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.Projector;
import com.parkora.reservation.port.ReadModelWrite;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.RowsChanged;
import com.parkora.reservation.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For hundreds of random command sequences, the read model a rebuild produces equals the live one
 * in every column. Subclasses answer the storage under test.
 */
public abstract class RebuildEqualsLiveContract {

  private static final int SEQUENCES = 300;
  private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

  protected abstract Storage newStorage();

  @Test
  void a_rebuilt_read_model_equals_the_live_one_after_random_command_sequences() {
    Live live = new Live(newStorage());
    Random random = new Random(20261124L);

    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      TenantId tenant = Fixtures.newTenant();
      live.runSequence(tenant, random, 3 + random.nextInt(14));
      List<ReservationView> before = rows(live.storage(), tenant);

      RowsChanged changed = new RowsChanged();
      live.service().rebuild(tenant, changed);

      assertThat(rows(live.storage(), tenant)).as("sequence %d", sequence).isEqualTo(before);
      assertThat(List.of(changed.removed(), changed.written()))
          .as("sequence %d: rows removed and written by the rebuild of a right model", sequence)
          .containsExactly(0L, 0L);
    }
  }

  @Test
  void a_rebuild_by_a_changed_projection_rewrites_and_reports_only_the_rows_it_changes() {
    Live live = new Live(newStorage());
    TenantId tenant = Fixtures.newTenant();
    live.runSequence(tenant, new Random(20261207L), 60);
    List<ReservationView> before = rows(live.storage(), tenant);
    Projector renamingPayments =
        new Projector() {
          @Override
          public ReadModelWrite project(ReservationEvent event) {
            ReadModelWrite write = super.project(event);
            return write instanceof ReadModelWrite.Update u && u.transactionId() != null
                ? new ReadModelWrite.Update(
                    u.id(), u.status(), u.transactionId() + "-renamed", u.updatedAt())
                : write;
          }
        };
    RowsChanged changed = new RowsChanged();

    live.storage().rebuild(tenant, renamingPayments, changed);

    List<ReservationView> rebuilt = rows(live.storage(), tenant);
    long removed = before.stream().filter(row -> !rebuilt.contains(row)).count();
    long written = rebuilt.stream().filter(row -> !before.contains(row)).count();
    assertThat(removed).as("rows with a payment's id").isPositive().isLessThan(before.size());
    assertThat(List.of(changed.removed(), changed.written())).containsExactly(removed, written);
  }

  private static List<ReservationView> rows(Storage storage, TenantId tenant) {
    return storage.inTransaction(tenant, Fixtures::allRows);
  }

  /** A store under test and the service that commands it, with its clock and payments. */
  private record Live(
      Storage storage, TestClock clock, ScriptedPayments payments, ReservationService service) {

    Live(Storage storage) {
      this(storage, new TestClock(START), new ScriptedPayments());
    }

    private Live(Storage storage, TestClock clock, ScriptedPayments payments) {
      this(
          storage,
          clock,
          payments,
          ReservationService.builder(storage).clock(clock).paymentGateway(payments).build());
    }

    void runSequence(TenantId tenant, Random random, int commands) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < commands; i++) {
        clock.advance(
            Duration.ofMillis(1 + random.nextInt(90_000)).plusNanos(random.nextInt(1000)));
        int action = ids.isEmpty() ? 0 : random.nextInt(8);
        String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        try {
          switch (action) {
            case 0, 1 ->
                ids.add(
                    service
                        .create(
                            tenant,
                            java.util.UUID.randomUUID().toString(),
                            "S-" + random.nextInt(3),
                            clock
                                .instant()
                                .plus(Duration.ofMinutes(30L * random.nextInt(12)))
                                .toString(),
                            1 + random.nextInt(4),
                            random.nextInt(5000) / 100.0)
                        .id()
                        .toString());
            case 2 -> service.confirm(tenant, id, random.nextBoolean() ? "txn-" + i : null);
            case 3 -> {
              payments.approve(random.nextBoolean());
              service.pay(tenant, id);
            }
            case 4 -> service.cancel(tenant, id, random.nextBoolean() ? "changed plans" : null);
            case 5 -> service.complete(tenant, id);
            case 6 -> service.expireDue(tenant, 10);
            default -> service.delete(tenant, id);
          }
        } catch (ReservationException.InvalidState
            | ReservationException.SlotUnavailable
            | ReservationException.NotFound refused) {
          // a refused command is part of a realistic sequence; it must leave no trace
        }
      }
    }
  }
}
