package com.parkora.reservation.cli;

import picocli.CommandLine.Command;

/**
 * {@code payments}: operator tools for charges whose outcome is unknown and refunds the payment
 * service refused for good.
 */
@Command(
    name = "payments",
    mixinStandardHelpOptions = true,
    description =
        "List and settle payments whose outcome is unknown, resolve refunds refused for good"
            + " (docs/design/payments.md).",
    subcommands = {
      PaymentsListCommand.class,
      PaymentsSettleCommand.class,
      PaymentsRefundCommand.class
    })
final class PaymentsCommand extends CommandGroup {

  PaymentsCommand() {
    super("list, settle or refund");
  }
}
