package com.parkora.reservation.http;

import com.parkora.reservation.domain.ReservationException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows one GraphQL response may hold. Every list fetcher takes its rows from the budget before
 * it shapes them; once the budget is spent, later lists are refused without touching the store and
 * the whole request answers RESPONSE_TOO_LARGE, so an answer that would be too large is never built
 * in full. The document cost caps most of this beforehand; this holds for the unpaged lists, whose
 * length the cost can only estimate.
 */
final class ResponseBudget {

  /** Rows one response may hold: ten full pages. */
  static final int MAX_ROWS = 5_000;

  private final int maxRows;
  private final AtomicInteger taken = new AtomicInteger();

  ResponseBudget(int maxRows) {
    this.maxRows = maxRows;
  }

  /** Refuses before a list is loaded when nothing is left. */
  void ensureLeft() {
    if (taken.get() > maxRows) {
      throw tooLarge();
    }
  }

  /** Takes a loaded list's rows; refuses when they do not fit. */
  <T> List<T> take(List<T> rows) {
    if (taken.addAndGet(rows.size()) > maxRows) {
      throw tooLarge();
    }
    return rows;
  }

  boolean spent() {
    return taken.get() > maxRows;
  }

  ReservationException tooLarge() {
    return new ReservationException.ResponseTooLarge(
        "The answer would hold more than "
            + maxRows
            + " rows: ask for fewer (a smaller limit, fewer lists or aliases)");
  }
}
