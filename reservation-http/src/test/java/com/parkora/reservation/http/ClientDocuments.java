package com.parkora.reservation.http;

import java.util.Map;

/** The documents the real clients send (docs/graphql.md), verbatim, and a booking's variables. */
final class ClientDocuments {

  private ClientDocuments() {}

  static final String CREATE_RESERVATION =
      """
      mutation CreateReservation($input: CreateReservationInput!) {
        createReservation(input: $input) { id status totalCost startTime endTime durationHours parkingSpotId } }
      """;

  static final String GET_USER_RESERVATIONS =
      """
      query GetUserReservations($userId: String!, $includeCompleted: Boolean!) {
        reservationsByUser(userId: $userId, includeCompleted: $includeCompleted) {
          id status totalCost startTime endTime durationHours parkingSpotId createdAt transactionId } }
      """;

  static final String PAY_RESERVATION =
      """
      mutation PayReservation($id: String!) {
        payReservation(id: $id) { success transactionId message errorCode } }
      """;

  static final String CANCEL_RESERVATION =
      """
      mutation CancelReservation($id: String!, $reason: String) {
        cancelReservation(id: $id, reason: $reason) { id status } }
      """;

  static final String GET_RESERVATION =
      """
      query GetReservation($id: String!) {
        reservationById(id: $id) { id tenantId userId totalCost status } }
      """;

  static final String CONFIRM_RESERVATION =
      """
      mutation ConfirmReservation($id: String!, $transactionId: String) {
        confirmReservation(id: $id, transactionId: $transactionId) { id status transactionId } }
      """;

  /** The variables of {@link #CREATE_RESERVATION} booking {@code spot} for one hour at 1.00. */
  static Map<String, Object> oneHourOf(String spot) {
    return Map.of(
        "input",
        Map.of(
            "userId",
            "22222222-2222-4222-8222-222222222222",
            "parkingSpotId",
            spot,
            "startTime",
            "2026-12-01T09:30:00Z",
            "durationHours",
            1,
            "totalCost",
            1.0));
  }
}
