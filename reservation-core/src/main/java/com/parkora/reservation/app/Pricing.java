package com.parkora.reservation.app;

import com.parkora.reservation.domain.CreateReservation;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.BearerToken;
import com.parkora.reservation.port.SpotDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * The price of a booking when the parking service lists one (docs/parking.md): {@code durationHours
 * x price}, multiplied as the front end does (in binary floating point) and rounded half-up to the
 * cent from the product's exact value, as its {@code toFixed(2)} shows it. A total cost sent that
 * differs from it by more than half a cent is refused (PRICE_MISMATCH) after the list was fetched
 * once more; one left out is filled in. The list is asked with the caller's token, as the spot
 * check is. Without a listed price the cost is the one sent, as before.
 */
record Pricing(SpotDirectory spots, BearerToken callerToken) {

  static final BigDecimal HALF_CENT = new BigDecimal("0.005");

  /**
   * The booking at the service's price.
   *
   * @param sent the total cost as sent, unrounded; null when it was left out
   */
  CreateReservation priced(CreateReservation command, Double sent) {
    OptionalDouble hourly = spots.hourlyPrice(command.parkingSpotId(), false, callerToken);
    if (hourly.isPresent() && sent != null && !matches(sent, total(hourly, command))) {
      hourly =
          spots.hourlyPrice(
              command.parkingSpotId(), true, callerToken); // the price may have changed
    }
    if (hourly.isEmpty()) {
      if (sent == null) {
        throw new ReservationException.InvalidInput(
            "totalCost",
            "totalCost is required: no price is listed for parking " + command.parkingSpotId());
      }
      return command;
    }
    BigDecimal expected = total(hourly, command);
    if (sent != null && !matches(sent, expected)) {
      throw new ReservationException.PriceMismatch(expected, BigDecimal.valueOf(sent));
    }
    return command.withCost(expected);
  }

  /** The price of {@code hours} at the parking, for {@code quote}. */
  BigDecimal quote(String parkingSpotId, int hours) {
    OptionalDouble hourly = spots.hourlyPrice(parkingSpotId, false, callerToken);
    if (hourly.isEmpty()) {
      throw new ReservationException.InvalidInput(
          "parkingSpotId", "No price is listed for parking " + parkingSpotId);
    }
    return total(hourly.getAsDouble(), hours);
  }

  static BigDecimal total(double hourly, int hours) {
    double product = hours * hourly;
    if (!Double.isFinite(product) || product < 0) {
      throw new ReservationException.DependencyUnavailable(
          "The parking service lists an unusable price: " + hourly, null);
    }
    return new BigDecimal(product).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal total(OptionalDouble hourly, CreateReservation command) {
    return total(hourly.getAsDouble(), command.durationHours());
  }

  private static boolean matches(double sent, BigDecimal expected) {
    return new BigDecimal(sent).subtract(expected).abs().compareTo(HALF_CENT) <= 0;
  }
}
