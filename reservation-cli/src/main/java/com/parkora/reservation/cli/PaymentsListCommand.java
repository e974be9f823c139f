package com.parkora.reservation.cli;

import com.parkora.reservation.app.PaymentAdministration;
import com.parkora.reservation.app.UnsettledPayment;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.port.RefundQueue.RefusedRefund;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code payments list}: what waits for an operator in a tenant, as {@code
 * /admin/payments/unsettled} lists it: charges whose outcome is unknown ({@code payments settle})
 * and refunds the payment service refused for good ({@code payments refund}).
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the charges whose outcome is unknown and the refunds refused for good, one per line.")
final class PaymentsListCommand extends StoreCommand {

  @Option(names = "--tenant", required = true, paramLabel = "UUID", description = "The tenant.")
  TenantId tenant;

  PaymentsListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (Bootstrap bootstrap = openStore()) {
      PaymentAdministration admin = bootstrap.service().paymentAdministration();
      PrintStream out = context.out();
      for (UnsettledPayment p : admin.unsettled(tenant)) {
        out.println(
            "unsettled charge: reservation "
                + p.reservationId()
                + " amount "
                + p.amount().toPlainString()
                + " claimed "
                + Times.format(p.claimedAt())
                + (p.outcomeRecorded() ? " (outcome unknown)" : " (no outcome recorded)"));
      }
      for (RefusedRefund r : admin.refusedRefunds(tenant)) {
        out.println(
            "refused refund: reservation "
                + r.reservationId()
                + " transaction "
                + r.transactionId()
                + " amount "
                + r.amount().toPlainString()
                + " refused "
                + Times.format(r.refusedAt())
                + " after "
                + r.attempts()
                + " attempt(s): "
                + r.error());
      }
      return Main.OK;
    }
  }
}
