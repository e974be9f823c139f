package com.parkora.reservation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A validated request to reserve a spot. Build it with {@link #parse}. */
public record CreateReservation(
    UUID userId, String parkingSpotId, Instant startTime, int durationHours, BigDecimal totalCost) {

  public static final int MIN_HOURS = 1;
  public static final int MAX_HOURS = 24;
  public static final int MAX_SPOT_LENGTH = 255;
  public static final BigDecimal MAX_COST = new BigDecimal("99999999.99");

  /** How far in the past a start may lie, to absorb clock skew and slow forms. */
  public static final Duration START_GRACE = Duration.ofMinutes(5);

  public CreateReservation {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(parkingSpotId, "parkingSpotId");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(totalCost, "totalCost");
  }

  public Instant endTime() {
    return startTime.plus(Duration.ofHours(durationHours));
  }

  /**
   * Validates raw client input. {@code now} is the command's time: a start more than {@link
   * #START_GRACE} before it is refused.
   */
  public static CreateReservation parse(
      String userId,
      String parkingSpotId,
      String startTime,
      Integer durationHours,
      Double totalCost,
      Instant now) {
    UUID user = Inputs.uuid("userId", userId);
    String spot = spot(parkingSpotId);
    Instant start = Inputs.instant("startTime", startTime);
    if (start.isBefore(now.minus(START_GRACE))) {
      throw new ReservationException.InvalidInput(
          "startTime", "startTime must not be in the past, got " + Times.format(start));
    }
    int hours = durationHours(durationHours);
    return new CreateReservation(user, spot, start, hours, cost(totalCost));
  }

  public static String spot(String parkingSpotId) {
    if (parkingSpotId == null || parkingSpotId.isBlank()) {
      throw new ReservationException.InvalidInput("parkingSpotId", "parkingSpotId is required");
    }
    if (parkingSpotId.length() > MAX_SPOT_LENGTH) {
      throw new ReservationException.InvalidInput(
          "parkingSpotId", "parkingSpotId must be at most " + MAX_SPOT_LENGTH + " characters");
    }
    return Inputs.printable("parkingSpotId", parkingSpotId);
  }

  public static int durationHours(Integer durationHours) {
    if (durationHours == null || durationHours < MIN_HOURS || durationHours > MAX_HOURS) {
      throw new ReservationException.InvalidInput(
          "durationHours",
          "durationHours must be between "
              + MIN_HOURS
              + " and "
              + MAX_HOURS
              + ", got "
              + durationHours);
    }
    return durationHours;
  }

  static BigDecimal cost(Double totalCost) {
    if (totalCost == null || totalCost.isNaN() || totalCost.isInfinite()) {
      throw new ReservationException.InvalidInput("totalCost", "totalCost must be a number");
    }
    BigDecimal cost = BigDecimal.valueOf(totalCost);
    if (cost.signum() < 0 || cost.compareTo(MAX_COST) > 0) {
      throw new ReservationException.InvalidInput(
          "totalCost",
          "totalCost must be between 0 and " + MAX_COST.toPlainString() + ", got " + totalCost);
    }
    if (cost.stripTrailingZeros().scale() > 2) {
      throw new ReservationException.InvalidInput(
          "totalCost", "totalCost must have at most two decimals, got " + totalCost);
    }
    return cost.setScale(2, RoundingMode.UNNECESSARY);
  }
}
