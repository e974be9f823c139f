package com.parkora.reservation.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code payments refund}: resolves a refund the payment service refused for good (listed by {@code
 * payments list} and {@code /admin/payments/unsettled}): refunded after all, with the refund id the
 * payment service or the operator knows, or to be sent again once the cause is fixed.
 */
@Command(
    name = "refund",
    mixinStandardHelpOptions = true,
    description =
        "Resolve a refund the payment service refused for good: --refund-id ID when it was"
            + " refunded after all (found in the payment service, or refunded by other means),"
            + " --retry to send it again now that the cause is fixed.")
final class PaymentsRefundCommand extends StoreCommand {

  @Mixin ReservationTarget target;

  @Option(
      names = "--transaction",
      required = true,
      paramLabel = "TXN",
      description = "The transaction to refund.")
  String transaction;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Resolution resolution;

  /** What the operator found. */
  static final class Resolution {
    @Option(
        names = "--refund-id",
        paramLabel = "ID",
        description = "The refund that was made: the refund is complete.")
    String refundId;

    @Option(names = "--retry", description = "Send the refund again now.")
    boolean retry;
  }

  PaymentsRefundCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (Bootstrap bootstrap = openStore()) {
      bootstrap
          .service()
          .paymentAdministration()
          .resolveRefund(
              target.tenant, target.reservation.toString(), transaction, resolution.refundId);
      boolean owed =
          bootstrap.service().paymentAdministration().refusedRefunds(target.tenant).stream()
              .anyMatch(r -> r.transactionId().equals(transaction.trim()));
      context
          .out()
          .println(
              "refund of "
                  + transaction.trim()
                  + (resolution.refundId != null
                      ? " recorded as made: " + resolution.refundId.trim()
                      : owed ? " refused again" : " sent again (the refund worker retries it)"));
      return Main.OK;
    }
  }
}
