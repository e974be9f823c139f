package com.parkora.reservation.domain;

/** The error codes of the wire contract (docs/graphql.md), shared by GraphQL and REST. */
public enum ErrorCode {
  INVALID_INPUT,
  NOT_FOUND,
  INVALID_STATE,
  SLOT_UNAVAILABLE,
  CONFLICT,
  TENANT_REQUIRED,
  UNAUTHENTICATED,
  FORBIDDEN,
  UNKNOWN_PARKING_SPOT,
  DEPENDENCY_UNAVAILABLE,
  RESPONSE_TOO_LARGE,
  IDEMPOTENCY_IN_PROGRESS,
  IDEMPOTENCY_KEY_REUSED,
  PRICE_MISMATCH,
  INTERNAL
}
