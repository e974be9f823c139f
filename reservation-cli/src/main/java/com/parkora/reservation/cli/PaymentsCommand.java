package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code payments}: operator tools for charges whose outcome is unknown. */
@Command(
    name = "payments",
    mixinStandardHelpOptions = true,
    description = "Settle payments whose outcome is unknown (README: the payment flow).",
    subcommands = {PaymentsSettleCommand.class})
final class PaymentsCommand implements Callable<Integer> {

  private final CliContext context;

  PaymentsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("error: missing command: settle (see 'reservation payments --help')");
    return Main.USAGE;
  }
}
