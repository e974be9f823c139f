package com.parkora.reservation.cli;

import com.parkora.reservation.port.ReservationView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code payments settle}: tells the service what became of a charge whose outcome is unknown, as
 * the payment service's own records show it: charged as a transaction, or not charged at all.
 */
@Command(
    name = "settle",
    mixinStandardHelpOptions = true,
    description =
        "Settle an unknown payment outcome: --transaction TXN when the payment service charged"
            + " (the reservation is confirmed, or refunded when it no longer needs it), --none"
            + " when it did not (the reservation can be paid again).")
final class PaymentsSettleCommand extends StoreCommand {

  @Mixin ReservationTarget target;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Outcome outcome;

  /** What the payment service says happened. */
  static final class Outcome {
    @Option(
        names = "--transaction",
        paramLabel = "TXN",
        description = "The transaction the payment service charged.")
    String transaction;

    @Option(names = "--none", description = "The payment service charged nothing.")
    boolean none;
  }

  PaymentsSettleCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (Bootstrap bootstrap = openStore()) {
      ReservationView after =
          bootstrap
              .service()
              .paymentAdministration()
              .settle(
                  target.tenant, target.reservation.toString(), outcome.transaction, "operator");
      context
          .out()
          .println(
              "reservation "
                  + after.id()
                  + " settled: "
                  + after.status()
                  + (after.transactionId() == null ? "" : " (" + after.transactionId() + ")"));
      return Main.OK;
    }
  }
}
