package com.parkora.reservation.app;

import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.Inputs;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.port.BearerToken;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a command or query acts for, and the one rule of what it may touch (docs/tenancy.md): a
 * {@link Kind#USER} acts on their own reservations only, unless a {@link Role} says more; someone
 * else's reservation does not exist for them, and without a role they confirm or complete nothing
 * by hand ({@link #requireSettlement}). Everyone else acts on every reservation of the tenant;
 * administration needs the admin role whenever authentication is on.
 *
 * <p>Every text is checked as client input is ({@link Inputs#printable}): it ends up in the
 * metadata of the events this actor records.
 *
 * @param subject who acts: a token's {@code sub}, {@value #ANONYMOUS} or {@value #SYSTEM}
 * @param requestId the request's id, or null for work no request started
 * @param source what the actor came through ({@code graphql_mutation}, {@code rest}) or the job
 *     that acts ({@code expiry}, {@code refunds}, {@code payments})
 * @param credential the bearer token the request carried, passed on to the services asked on its
 *     behalf (the parking service); null when it carried none. Never recorded.
 */
public record Actor(
    Kind kind,
    String subject,
    Set<Role> roles,
    String requestId,
    String source,
    BearerToken credential) {

  public static final String ANONYMOUS = "anonymous";
  public static final String SYSTEM = "system";

  /** The service itself, for internal callers that name no job (CLI commands, tests). */
  public static final Actor SYSTEM_ACTOR = system(SYSTEM);

  private static final int MAX_SUBJECT = 255;

  /** How far a caller's credentials reach. */
  public enum Kind {
    /** Authentication is off: every reservation and administration, as the service always did. */
    UNCHECKED,
    /** No credentials while authentication is on: every reservation, no administration. */
    ANONYMOUS,
    /** A verified token: its own reservations, unless one of its roles says more. */
    USER,
    /** An internal job: everything. */
    SYSTEM
  }

  /** The roles of a token that grant more than acting on one's own reservations. */
  public enum Role {
    /** Acts on every reservation of the tenant, and administers it ({@code /admin/*}). */
    ADMIN,
    /** Acts on every reservation of the tenant (the payment service's client credentials). */
    SERVICE
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    subject = text("subject", subject, MAX_SUBJECT);
    source = text("source", source, MAX_SUBJECT);
    requestId = requestId == null ? null : text("requestId", requestId, MAX_SUBJECT);
  }

  /** The holder of a verified token. */
  public static Actor user(String subject, Set<Role> roles, String requestId, String source) {
    return new Actor(Kind.USER, subject, roles, requestId, source, null);
  }

  /** A caller without credentials while authentication is on. */
  public static Actor anonymous(String requestId, String source) {
    return new Actor(Kind.ANONYMOUS, ANONYMOUS, Set.of(), requestId, source, null);
  }

  /** A caller while authentication is off. */
  public static Actor unchecked(String requestId, String source) {
    return new Actor(Kind.UNCHECKED, ANONYMOUS, Set.of(), requestId, source, null);
  }

  /** An internal job, named in the metadata of what it records. */
  public static Actor system(String job) {
    return new Actor(Kind.SYSTEM, SYSTEM, Set.of(), null, job, null);
  }

  /** This actor, carrying the request's bearer token (null: none) to the services it asks. */
  public Actor withCredential(BearerToken token) {
    return new Actor(kind, subject, roles, requestId, source, token);
  }

  /** Whether this actor acts on every reservation of the tenant. */
  public boolean seesAll() {
    return kind != Kind.USER || roles.contains(Role.ADMIN) || roles.contains(Role.SERVICE);
  }

  /** The user id this actor is, when its subject is one. */
  public Optional<UUID> self() {
    return kind == Kind.USER ? Inputs.uuidOrEmpty(subject) : Optional.empty();
  }

  /** Whether a reservation of {@code owner} exists for this actor. */
  public boolean sees(UUID owner) {
    return seesAll() || self().filter(owner::equals).isPresent();
  }

  /**
   * Refuses to name another user ({@code FORBIDDEN}): booking for them, or listing theirs.
   *
   * @param field the argument that named {@code owner}
   */
  public void requireOwn(String field, UUID owner) {
    if (!sees(owner)) {
      throw new ReservationException.AccessDenied(
          ErrorCode.FORBIDDEN, field + " names another user: a user acts on their own only");
    }
  }

  /**
   * Confirming or completing a reservation by hand, which the payment service and operators do
   * (anonymous callers too while authentication is optional: the payment service sends no token).
   * An ordinary user pays with {@code payReservation}: confirming their own with a transaction id
   * of their choosing would book without paying.
   */
  public void requireSettlement() {
    if (kind == Kind.USER && !roles.contains(Role.ADMIN) && !roles.contains(Role.SERVICE)) {
      throw new ReservationException.AccessDenied(
          ErrorCode.FORBIDDEN,
          "Confirming and completing are for the payment service and operators: pay with"
              + " payReservation");
    }
  }

  /** Administration: anyone while authentication is off, else the admin role. */
  public void requireAdmin() {
    if (kind == Kind.ANONYMOUS) {
      throw new ReservationException.AccessDenied(
          ErrorCode.UNAUTHENTICATED, "Authentication required");
    }
    if (kind == Kind.USER && !roles.contains(Role.ADMIN)) {
      throw new ReservationException.AccessDenied(ErrorCode.FORBIDDEN, "This needs the admin role");
    }
  }

  private static String text(String field, String value, int max) {
    Inputs.printable(field, Objects.requireNonNull(value, field));
    if (value.isBlank() || value.length() > max) {
      throw new ReservationException.InvalidInput(
          field, field + " must be 1 to " + max + " characters");
    }
    return value;
  }
}
