package com.parkora.reservation.app;

import com.parkora.reservation.domain.ReservationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A charge whose outcome is unknown: no second charge is made for the reservation until it is
 * settled.
 *
 * @param outcomeRecorded true when the call was made and its answer never came; false when the
 *     claim stayed without any outcome longer than a call can take
 */
public record UnsettledPayment(
    UUID reservationId,
    UUID attemptId,
    Instant claimedAt,
    BigDecimal amount,
    ReservationStatus status,
    boolean outcomeRecorded) {}
