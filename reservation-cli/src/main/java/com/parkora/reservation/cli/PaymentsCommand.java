package com.parkora.reservation.cli;

import picocli.CommandLine.Command;

/** {@code payments}: operator tools for charges whose outcome is unknown. */
@Command(
    name = "payments",
    mixinStandardHelpOptions = true,
    description = "Settle payments whose outcome is unknown (docs/design/payments.md).",
    subcommands = {PaymentsSettleCommand.class})
final class PaymentsCommand extends CommandGroup {

  PaymentsCommand() {
    super("settle");
  }
}
