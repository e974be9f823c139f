package com.parkora.reservation.http;

import com.fasterxml.jackson.databind.JsonNode;

/** The terms of the ownership matrix: callers, operations, and what a cell answers. */
final class Matrix {

  private Matrix() {}

  /** The callers. */
  enum Who {
    ALICE("a11ce000-0000-4000-8000-0000000000a1", ""),
    BOB("b0b00000-0000-4000-8000-0000000000b2", ""),
    ADMIN("ad000000-0000-4000-8000-0000000000ad", "admin"),
    SERVICE("5e000000-0000-4000-8000-00000000005e", "service"),
    ANONYMOUS("anonymous", "");

    private final String subject;
    private final String roles;

    Who(String subject, String roles) {
      this.subject = subject;
      this.roles = roles;
    }

    String subject() {
      return subject;
    }

    /** The roles the token carries, as the event metadata names them. */
    String roles() {
      return roles;
    }
  }

  /** What a cell answers. */
  enum Outcome {
    ALLOWED,
    /** Someone else's reservation is not there: null or empty, or the call's "not found". */
    HIDDEN,
    /** A mutation of someone else's reservation fails with NOT_FOUND, as for a missing id. */
    NOT_FOUND,
    FORBIDDEN,
    UNAUTHENTICATED
  }

  /** Who may call an operation. */
  enum Reach {
    /** No tenant needed: everyone, whatever the mode. */
    PUBLIC,
    /** Every caller of the tenant. */
    OPEN,
    /** The owner, admin and service (and anonymous callers while authentication is optional). */
    OWN,
    /**
     * The payment service and operators: admin, service, anonymous callers while authentication is
     * optional; an ordinary user, owner or not, is refused.
     */
    SETTLE,
    /** The admin role (anyone while authentication is off). */
    ADMIN
  }

  /** The reservation a cell acts on, made before the call. */
  enum Seed {
    NONE,
    PENDING,
    CONFIRMED
  }

  /** The seeded reservation (its owner is always Alice), or only a fresh spot for NONE. */
  record Target(String id, String spot, String owner) {}

  /** One call in the matrix, with what it sent. */
  record Cell(Who who, Target target, String requestId, RunningApi api) {}

  interface Check {
    void check(JsonNode body, Cell cell);
  }

  /**
   * @param forOthers what an ordinary user gets for Alice's reservation: HIDDEN, NOT_FOUND or
   *     FORBIDDEN
   * @param hidden the answer when the reservation does not exist for the caller
   */
  record Operation(
      String name,
      Reach reach,
      Outcome forOthers,
      Seed seed,
      String graphQl,
      String restMethod,
      Check allowed,
      Check hidden) {

    @Override
    public String toString() {
      return name;
    }
  }
}
