package com.parkora.reservation.app;

/** The answer of {@code deleteReservation}. */
public record DeleteOutcome(boolean success, String message) {}
