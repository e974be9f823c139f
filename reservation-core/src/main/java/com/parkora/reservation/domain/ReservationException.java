package com.parkora.reservation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The one unchecked root of every failure the service reports to a caller. Each subclass names what
 * failed and carries the {@link ErrorCode} of the wire contract; adapters map the code, never the
 * class, to a status.
 */
public abstract sealed class ReservationException extends RuntimeException {

  private final ErrorCode code;

  protected ReservationException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  protected ReservationException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** A value the caller sent is malformed or out of range. */
  public static final class InvalidInput extends ReservationException {
    private final String field;

    public InvalidInput(String field, String message) {
      super(ErrorCode.INVALID_INPUT, message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** No reservation with this id exists for the tenant. */
  public static final class NotFound extends ReservationException {
    private final UUID id;

    public NotFound(UUID id) {
      super(ErrorCode.NOT_FOUND, "Reservation " + id + " not found");
      this.id = id;
    }

    public UUID id() {
      return id;
    }
  }

  /** The reservation's status does not allow the requested transition. */
  public static final class InvalidState extends ReservationException {
    private final ReservationStatus status;

    public InvalidState(ReservationStatus status, String action) {
      super(ErrorCode.INVALID_STATE, "Cannot " + action + " a reservation that is " + status);
      this.status = status;
    }

    public ReservationStatus status() {
      return status;
    }
  }

  /** The spot is already held by an active reservation overlapping the requested interval. */
  public static final class SlotUnavailable extends ReservationException {
    private final List<UUID> conflicts;

    public SlotUnavailable(String parkingSpotId, List<UUID> conflicts) {
      super(
          ErrorCode.SLOT_UNAVAILABLE,
          "Parking spot " + parkingSpotId + " is already reserved for an overlapping time");
      this.conflicts = List.copyOf(conflicts);
    }

    public List<UUID> conflicts() {
      return conflicts;
    }
  }

  /** Another command changed the reservation concurrently, and retrying did not settle it. */
  public static final class Conflict extends ReservationException {
    public Conflict(UUID aggregateId, long expectedVersion) {
      super(
          ErrorCode.CONFLICT,
          "Reservation "
              + aggregateId
              + " was changed concurrently (expected version "
              + expectedVersion
              + "); try again");
    }
  }

  /** No tenant could be determined for a data operation, or the one given is malformed. */
  public static final class TenantRequired extends ReservationException {
    public TenantRequired(String message) {
      super(ErrorCode.TENANT_REQUIRED, message);
    }
  }

  /** The caller is not authenticated, or not allowed to do this. */
  public static final class AccessDenied extends ReservationException {
    public AccessDenied(ErrorCode code, String message) {
      super(requireAccessCode(code), message);
    }

    private static ErrorCode requireAccessCode(ErrorCode code) {
      if (code != ErrorCode.UNAUTHENTICATED && code != ErrorCode.FORBIDDEN) {
        throw new IllegalArgumentException("not an access code: " + code);
      }
      return code;
    }
  }

  /** The parking service does not know the spot. */
  public static final class UnknownParkingSpot extends ReservationException {
    public UnknownParkingSpot(String parkingSpotId) {
      super(ErrorCode.UNKNOWN_PARKING_SPOT, "Unknown parking spot " + parkingSpotId);
    }
  }

  /** A service this one depends on (database, payment, parking) did not answer. */
  public static final class DependencyUnavailable extends ReservationException {
    public DependencyUnavailable(String message, Throwable cause) {
      super(ErrorCode.DEPENDENCY_UNAVAILABLE, message, cause);
    }
  }

  /** The answer would hold more than a response may: the caller asks for less. */
  public static final class ResponseTooLarge extends ReservationException {
    public ResponseTooLarge(String message) {
      super(ErrorCode.RESPONSE_TOO_LARGE, message);
    }
  }

  /** A request with the same Idempotency-Key is still running; the caller retries later. */
  public static final class IdempotencyInProgress extends ReservationException {
    public IdempotencyInProgress(String message) {
      super(ErrorCode.IDEMPOTENCY_IN_PROGRESS, message);
    }
  }

  /** An Idempotency-Key was sent again with another request than the one it was first sent with. */
  public static final class IdempotencyKeyReused extends ReservationException {
    public IdempotencyKeyReused(String message) {
      super(ErrorCode.IDEMPOTENCY_KEY_REUSED, message);
    }
  }

  /** The total cost sent is not the price the service charges for the booking. */
  public static final class PriceMismatch extends ReservationException {
    private final BigDecimal expected;

    public PriceMismatch(BigDecimal expected, BigDecimal sent) {
      super(
          ErrorCode.PRICE_MISMATCH,
          "totalCost "
              + sent.toPlainString()
              + " is not the price of this booking: "
              + expected.toPlainString());
      this.expected = expected;
    }

    /** The price the service charges, to the cent. */
    public BigDecimal expected() {
      return expected;
    }
  }

  /** A fault of this service; the message is safe to show, the cause is for the log. */
  public static final class Internal extends ReservationException {
    public Internal(String message, Throwable cause) {
      super(ErrorCode.INTERNAL, message, cause);
    }
  }
}
