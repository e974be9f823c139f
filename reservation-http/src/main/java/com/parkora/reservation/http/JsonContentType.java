package com.parkora.reservation.http;

import java.util.Locale;

/**
 * Whether a {@code Content-Type} names JSON: {@code application/json} or a {@code +json} type such
 * as {@code application/graphql-response+json}, with no charset or UTF-8 (what the front end and
 * the payment service send, docs/graphql.md). A form or {@code text/plain} body is not a GraphQL
 * request, however it parses. And whether the body itself is UTF-8: the JSON parser would detect
 * UTF-16 or UTF-32 (a byte-order mark, or the zero bytes of RFC 4627 section 3 in the first four)
 * and decode it, so a body that shows either is refused before it is parsed. A UTF-8 byte-order
 * mark is accepted and skipped (RFC 8259 section 8.1 allows that): it changes no character.
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

  /** False for a body that starts like UTF-16 or UTF-32 rather than UTF-8. */
  static boolean utf8(byte[] body) {
    if (body.length >= 2
        && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
            || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
      return false; // UTF-16 (or UTF-32LE) byte-order mark
    }
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) {
        return false; // UTF-32BE's mark, or an ASCII character in UTF-16 or UTF-32
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
