package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The {@code --tenant} and {@code --reservation} of the operator commands that act on one. */
final class ReservationTarget {

  @Option(
      names = "--tenant",
      required = true,
      paramLabel = "UUID",
      description = "The reservation's tenant.")
  TenantId tenant;

  @Option(
      names = "--reservation",
      required = true,
      paramLabel = "ID",
      description = "The reservation.")
  UUID reservation;
}
