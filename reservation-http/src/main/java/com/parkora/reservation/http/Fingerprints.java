package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import graphql.language.AstPrinter;
import graphql.language.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a keyed request asks, normalised and hashed (SHA-256, hex): the operation name, the document
 * printed compactly by graphql-java (spacing, line breaks and comments do not count) and the
 * variables as JSON with the keys of every object sorted (their order does not count).
 */
final class Fingerprints {

  private static final ObjectMapper SORTED =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private Fingerprints() {}

  /** The fingerprint of a GraphQL request. */
  static String graphQl(String operationName, Document document, Map<String, Object> variables) {
    return sha256(
        "graphql",
        operationName == null ? "" : operationName,
        AstPrinter.printAstCompact(document),
        canonical(variables));
  }

  /** The fingerprint of a REST request: its method, path and body, a JSON body normalised. */
  static String rest(String method, String path, byte[] body) {
    String text;
    try {
      text = body.length == 0 ? "" : canonical(SORTED.readValue(body, Object.class));
    } catch (IOException notJson) {
      text = new String(body, StandardCharsets.UTF_8);
    }
    return sha256("rest", method, path, text);
  }

  /** JSON with the fields of every object in name order. */
  private static String canonical(Object value) {
    try {
      return SORTED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON that was read cannot be written", e);
    }
  }

  private static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
