package com.parkora.reservation.http;

import java.util.Locale;

/**
 * Whether a {@code Content-Type} names JSON: {@code application/json} or a {@code +json} type such
 * as {@code application/graphql-response+json}, with no charset or UTF-8 (what the front end and
 * the payment service send, docs/graphql.md). A form or {@code text/plain} body is not a GraphQL
 * request, however it parses.
 */
final class JsonContentType {

  private JsonContentType() {}

  static boolean accepts(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    boolean json =
        type.equals("application/json")
            || (type.startsWith("application/") && type.endsWith("+json"));
    if (!json) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      if (!utf8OrOther(parts[i])) {
        return false;
      }
    }
    return true;
  }

  /** A parameter: a charset must be UTF-8; other parameters are ignored. */
  private static boolean utf8OrOther(String parameter) {
    int equals = parameter.indexOf('=');
    String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
    if (!name.equalsIgnoreCase("charset")) {
      return true;
    }
    String value = equals < 0 ? "" : parameter.substring(equals + 1).trim().replace("\"", "");
    return value.equalsIgnoreCase("utf-8") || value.equalsIgnoreCase("utf8");
  }
}
