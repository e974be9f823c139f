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

  /** Both ends of the booking lie in the range every store can hold. */
  public CreateReservation {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(parkingSpotId, "parkingSpotId");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(totalCost, "totalCost");
    Inputs.inRange("startTime", startTime);
    Inputs.inRange("endTime", startTime.plus(Duration.ofHours(durationHours)));
  }

  /** The same booking at {@code cost} (the service's price). */
  public CreateReservation withCost(BigDecimal cost) {
    return new CreateReservation(userId, parkingSpotId, startTime, durationHours, cost);
  }

  public Instant endTime() {
    return startTime.plus(Duration.ofHours(durationHours));
  }

  /**
   * Validates raw client input. {@code now} is the command's time; {@code window} says how far in
   * the past the start may lie and how soon the end may come.
   */
  public static CreateReservation parse(
      String userId,
      String parkingSpotId,
      String startTime,
      Integer durationHours,
      Double totalCost,
      Instant now,
      BookingWindow window) {
    UUID user = Inputs.uuid("userId", userId);
    String spot = spot(parkingSpotId);
    Instant start = Inputs.instant("startTime", startTime);
    int hours = durationHours(durationHours);
    CreateReservation command = new CreateReservation(user, spot, start, hours, cost(totalCost));
    window.check(start, command.endTime(), now);
    return command;
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

  /**
   * The cost rounded half-up to the cent, as the Python service's {@code numeric(10,2)} column did:
   * the front end sends {@code duration x price} unrounded ({@code 3.5999999999999996}).
   */
  static BigDecimal cost(Double totalCost) {
    if (totalCost == null || totalCost.isNaN() || totalCost.isInfinite()) {
      throw new ReservationException.InvalidInput("totalCost", "totalCost must be a number");
    }
    BigDecimal cost = BigDecimal.valueOf(totalCost).setScale(2, RoundingMode.HALF_UP);
    if (cost.signum() < 0 || cost.compareTo(MAX_COST) > 0) {
      throw new ReservationException.InvalidInput(
          "totalCost",
          "totalCost must be between 0 and " + MAX_COST.toPlainString() + ", got " + totalCost);
    }
    return cost.signum() == 0 ? BigDecimal.ZERO.setScale(2) : cost;
  }
}
