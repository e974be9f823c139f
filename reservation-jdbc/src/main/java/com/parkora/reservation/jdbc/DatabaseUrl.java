package com.parkora.reservation.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is, as JDBC wants it. Accepts the forms {@code DATABASE_URL} takes
 * (docs/configuration.md): {@code postgresql://user:pass@host:port/db} as the Python service took
 * it (also {@code postgres://} and {@code postgresql+psycopg2://}), and {@code jdbc:postgresql:}
 * URLs, whose user and password may sit in the query string (then {@link #user()} is null).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  private static final Pattern LIBPQ_SCHEME =
      Pattern.compile("^(postgres|postgresql)(\\+[a-z0-9]+)?://", Pattern.CASE_INSENSITIVE);
  private static final Pattern JDBC_PATH =
      Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

  public DatabaseUrl {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }
  }

  /**
   * @throws IllegalArgumentException naming the accepted forms (never echoing a password) when
   *     {@code url} is none of them
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw invalid("it is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    Matcher scheme = LIBPQ_SCHEME.matcher(trimmed);
    if (!scheme.find()) {
      throw invalid("its scheme is not postgresql://, postgres:// or jdbc:postgresql:");
    }
    return fromLibpq(trimmed.substring(scheme.end()));
  }

  private static DatabaseUrl fromLibpq(String rest) {
    URI uri;
    try {
      uri = new URI("postgresql://" + rest);
    } catch (URISyntaxException e) {
      throw invalid("it is not a well-formed URL");
    }
    if (uri.getHost() == null) {
      throw invalid("it names no host");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isEmpty()) {
      throw invalid("it names no database");
    }
    String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new DatabaseUrl("jdbc:postgresql://" + host + "/" + database + query, user, password);
  }

  /** The same server and credentials, another database (for creating and using test databases). */
  public DatabaseUrl withDatabase(String database) {
    Matcher m = JDBC_PATH.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot tell the database name in this JDBC URL");
    }
    return new DatabaseUrl(m.group(1) + database + m.group(3), user, password);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "DatabaseUrl["
        + jdbcUrl.replaceAll("password=[^&]*", "password=***")
        + (user == null ? "" : ", user=" + user)
        + "]";
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException(
        "DATABASE_URL is not usable: "
            + why
            + "; expected postgresql://user:password@host:port/database or jdbc:postgresql://host:port/database");
  }
}
