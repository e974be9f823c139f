package com.parkora.reservation.http;

import com.parkora.reservation.app.ReservationService;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.IntValue;
import java.math.BigInteger;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The most items each list field of docs/graphql.md can return, as the complexity of a document
 * counts them: {@code reservations} its {@code limit} (the schema's default when absent, the
 * largest page when it comes from a variable), the unpaged lists a fixed bound. Answers 1 for other
 * fields.
 */
final class ListSizes implements ToIntFunction<Field> {

  /** The schema's default {@code limit} of {@code reservations}. */
  static final int DEFAULT_LIMIT = 100;

  /**
   * What an unpaged list counts for: a user's or a spot's reservations, a reservation's events.
   * Longer answers are still bounded by the response cap.
   */
  static final int UNPAGED = 100;

  private static final Set<String> UNPAGED_LISTS =
      Set.of(
          "reservationsByUser",
          "reservationsByParkingSpot",
          "eventsByReservation",
          "reservationHistory");

  @Override
  public int applyAsInt(Field field) {
    if (field.getName().equals("reservations")) {
      return limit(
          field.getArguments().stream()
              .filter(a -> a.getName().equals("limit"))
              .findFirst()
              .orElse(null));
    }
    return UNPAGED_LISTS.contains(field.getName()) ? UNPAGED : 1;
  }

  private static int limit(Argument limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit.getValue() instanceof IntValue literal) {
      BigInteger value = literal.getValue();
      return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).max(BigInteger.ZERO).intValue();
    }
    return ReservationService.MAX_PAGE;
  }
}
