package com.parkora.reservation.http;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.parkora.reservation.app.Actor.Role;
import com.parkora.reservation.domain.TenantId;
import java.text.ParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a Keycloak access token: {@code iss} exactly the realm's, {@code exp} and {@code
 * sub} present, {@code exp}, {@code nbf} and {@code iat} within {@link
 * TokenSettings#MAX_CLOCK_SKEW}, and meant for us ({@code aud} names our client or {@code azp} is
 * an allowed client). Roles come from {@code realm_access.roles} and {@code
 * resource_access.<client>.roles} of our client and the allowed ones.
 */
final class KeycloakClaims extends DefaultJWTClaimsVerifier<SecurityContext> {

  static final String TENANT_CLAIM = "tenant_id";

  private final TokenSettings settings;
  private final Set<String> roleClients;

  KeycloakClaims(TokenSettings settings) {
    super(
        null,
        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
        Set.of("exp", "sub"),
        null);
    setMaxClockSkew(Math.toIntExact(TokenSettings.MAX_CLOCK_SKEW.toSeconds()));
    this.settings = settings;
    Set<String> clients = new LinkedHashSet<>(settings.allowedClients());
    clients.add(settings.clientId());
    this.roleClients = Set.copyOf(clients);
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    super.verify(claims, context);
    Date issuedAt = claims.getIssueTime();
    Date latest = new Date(currentTime().getTime() + TokenSettings.MAX_CLOCK_SKEW.toMillis());
    if (issuedAt != null && issuedAt.after(latest)) {
      throw new BadJWTException("JWT issued in the future");
    }
    if (!forUs(claims)) {
      throw new BadJWTException("JWT audience and authorized party are not ours");
    }
  }

  /** The caller a verified token names. */
  Caller caller(JWTClaimsSet claims) throws ParseException {
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new ParseException("no subject", 0);
    }
    return new Caller(subject, tenant(claims), roles(claims));
  }

  private boolean forUs(JWTClaimsSet claims) {
    List<String> audience = claims.getAudience();
    if (audience != null && audience.contains(settings.clientId())) {
      return true;
    }
    Object azp = claims.getClaim("azp");
    return azp instanceof String party && settings.allowedClients().contains(party);
  }

  private static Optional<TenantId> tenant(JWTClaimsSet claims) throws ParseException {
    String raw = claims.getStringClaim(TENANT_CLAIM);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TenantId.parse(raw));
    } catch (RuntimeException e) {
      throw new ParseException("tenant_id is not a UUID", 0);
    }
  }

  private Set<Role> roles(JWTClaimsSet claims) {
    Set<String> names = new HashSet<>(roleNames(claims.getClaim("realm_access")));
    if (claims.getClaim("resource_access") instanceof Map<?, ?> clients) {
      for (String client : roleClients) {
        names.addAll(roleNames(clients.get(client)));
      }
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names.contains(settings.adminRole())) {
      roles.add(Role.ADMIN);
    }
    if (names.contains(settings.serviceRole())) {
      roles.add(Role.SERVICE);
    }
    return roles;
  }

  /** The {@code roles} of a {@code {"roles": [...]}} object; nothing for any other shape. */
  private static Set<String> roleNames(Object access) {
    if (!(access instanceof Map<?, ?> map) || !(map.get("roles") instanceof List<?> list)) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (Object role : list) {
      if (role instanceof String name) {
        names.add(name);
      }
    }
    return names;
  }
}
