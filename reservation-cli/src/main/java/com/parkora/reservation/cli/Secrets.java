package com.parkora.reservation.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets before configuration is logged or printed. */
final class Secrets {

  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^:/@]*:)([^@]*)(@)");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("((?:^|[?&;])password=)([^&;]*)", Pattern.CASE_INSENSITIVE);

  private Secrets() {}

  static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : "****";
  }

  /**
   * Masks the password of a database URL, in the user-info part ({@code
   * postgresql://user:pass@host/db}) and as a {@code password=} parameter (JDBC URLs).
   */
  static String maskUrl(String url) {
    String masked =
        USER_INFO_PASSWORD
            .matcher(url)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****" + m.group(3)));
    return PASSWORD_PARAMETER
        .matcher(masked)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "****"));
  }
}
