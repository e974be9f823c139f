package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.memory.Journal;
import com.parkora.reservation.memory.JournaledStorage;
import com.parkora.reservation.port.PaymentGateway;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reservation payments list} and {@code payments refund}: a refund the payment service
 * refused for good is listed for the operator, who records the refund found.
 */
class PaymentsRefundTest {

  private static final TenantId TENANT = TenantId.parse("00000000-0000-0000-0000-000000000008");

  @TempDir Path dataDir;

  @Test
  void a_refused_refund_is_listed_and_resolved_with_the_refund_id_found() {
    String[] refused = refusedRefund();
    String id = refused[0];
    String txn = refused[1];

    CliProcess.Result listed = run("list", "--tenant", TENANT.toString());
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains("refused refund: reservation " + id + " transaction " + txn)
        .contains("PAYMENT_NOT_FOUND: Payment not found");

    CliProcess.Result resolved = refund(id, txn, "--refund-id", "rf-found");
    assertThat(resolved.exitCode()).as(resolved.err()).isZero();
    assertThat(resolved.out()).contains("recorded as made: rf-found");

    assertThat(run("list", "--tenant", TENANT.toString()).out()).doesNotContain(txn);
    CliProcess.Result again = refund(id, txn, "--retry");
    assertThat(again.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(again.err()).startsWith("error: ").contains("no refused refund");
  }

  /**
   * {@code payments refund} of {@code txn} of reservation {@code id} with the operator's finding.
   */
  private CliProcess.Result refund(String id, String txn, String... resolution) {
    String[] target = {
      "refund", "--tenant", TENANT.toString(), "--reservation", id, "--transaction", txn
    };
    return run(
        Stream.concat(Arrays.stream(target), Arrays.stream(resolution)).toArray(String[]::new));
  }

  private CliProcess.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "payments";
    all[1] = args[0];
    all[2] = "--data-dir=" + dataDir;
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return InProcess.run(all);
  }

  /** A paid reservation cancelled while the payment service knows no such payment. */
  private String[] refusedRefund() {
    try (JournaledStorage storage = Journal.open(dataDir, new EventCodec())) {
      ReservationService service =
          ReservationService.builder(storage).paymentGateway(new NotFound()).build();
      String id = Reservations.bookTomorrow(service, TENANT, "S-1");
      String txn = service.pay(TENANT, id).transactionId();
      service.cancel(TENANT, id, "plans changed");
      return new String[] {id, txn};
    }
  }

  /** Charges, then knows nothing of the charge when asked to refund it. */
  private static final class NotFound implements PaymentGateway {
    @Override
    public ChargeResult charge(TenantId t, UUID reservation, UUID user, BigDecimal amount) {
      return new ChargeResult.Charged("txn-" + reservation, "ok");
    }

    @Override
    public RefundResult refund(TenantId t, String txn, BigDecimal amount, String reason) {
      return new RefundResult.Refused("PAYMENT_NOT_FOUND", "Payment not found");
    }
  }
}
