package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.PaymentOutcome;
import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.memory.JournaledStorage;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reservation payments settle}: the operator's answer to an unknown payment outcome. */
class PaymentsSettleTest {

  private static final TenantId TENANT = TenantId.parse("00000000-0000-0000-0000-000000000007");

  @TempDir Path dataDir;

  @Test
  void settling_with_a_transaction_confirms_and_with_none_makes_it_payable_again() {
    String charged = unknownOutcome("S-1");
    String notCharged = unknownOutcome("S-2");

    CliProcess.Result confirmed = settle(charged, "--transaction", "txn-77");
    CliProcess.Result released = settle(notCharged, "--none");

    assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
    assertThat(confirmed.out()).contains("settled: CONFIRMED (txn-77)");
    assertThat(released.exitCode()).as(released.err()).isZero();
    assertThat(released.out()).contains("settled: PENDING");
    try (JournaledStorage storage = Journal.open(dataDir, new EventCodec())) {
      ReservationService service = ReservationService.builder(storage).build();
      assertThat(service.byId(TENANT, charged).orElseThrow().status())
          .isEqualTo(ReservationStatus.CONFIRMED);
      assertThat(service.paymentAdministration().unsettled(TENANT)).isEmpty();
    }
  }

  @Test
  void settling_what_does_not_wait_fails_with_one_line_and_changes_nothing() {
    String id = unknownOutcome("S-3");
    settle(id, "--none");

    CliProcess.Result again = settle(id, "--transaction", "txn-1");

    assertThat(again.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(again.err()).startsWith("error: ").contains("settle");
    assertThat(again.err().lines()).hasSize(1);
  }

  @Test
  void a_transaction_and_none_together_are_a_usage_mistake() {
    CliProcess.Result both =
        settle(UUID.randomUUID().toString(), "--transaction", "txn-1", "--none");

    assertThat(both.exitCode()).isEqualTo(Main.USAGE);
  }

  private CliProcess.Result settle(String id, String... outcome) {
    String[] base = {
      "payments",
      "settle",
      "--data-dir",
      dataDir.toString(),
      "--tenant",
      TENANT.toString(),
      "--reservation",
      id
    };
    String[] args = new String[base.length + outcome.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(outcome, 0, args, base.length, outcome.length);
    return InProcess.run(args);
  }

  /** A reservation whose charge was sent and never answered, in the embedded store. */
  private String unknownOutcome(String spot) {
    try (JournaledStorage storage = Journal.open(dataDir, new EventCodec())) {
      ReservationService service =
          ReservationService.builder(storage).paymentGateway(new NoAnswer()).build();
      String id = Reservations.bookTomorrow(service, TENANT, spot);
      assertThat(service.pay(TENANT, id).errorCode()).isEqualTo(PaymentOutcome.PAYMENT_PENDING);
      return id;
    }
  }

  /** A payment service whose answers never come back. */
  private static final class NoAnswer implements PaymentGateway {
    @Override
    public ChargeResult charge(TenantId t, UUID reservation, UUID user, BigDecimal amount) {
      return new ChargeResult.Unknown("DEADLINE_EXCEEDED");
    }

    @Override
    public RefundResult refund(TenantId t, String txn, BigDecimal amount, String reason) {
      return new RefundResult.Unknown("DEADLINE_EXCEEDED");
    }
  }
}
