package com.parkora.reservation.http;

/** The documents the real clients send (docs/graphql.md), verbatim. */
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
}
