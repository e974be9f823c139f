package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.domain.ReservationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GraphQL-over-HTTP request body: {@code {"query", "operationName"?, "variables"?}}. Anything
 * else is INVALID_INPUT with a message that names what is wrong, never the parser's internals. A
 * key that appears twice in one object, at any depth, is refused rather than resolved (a gateway or
 * a log that reads the first {@code "query"} must see what runs).
 */
record GraphQlRequest(String query, String operationName, Map<String, Object> variables) {

  static final String DUPLICATE_KEY =
      "The request body repeats a key within one JSON object: send each key once";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static GraphQlRequest parse(byte[] body, ObjectMapper json) {
    if (body.length == 0) {
      throw invalid("The request body is empty: send a JSON object with a \"query\"");
    }
    JsonNode root = readTree(body, json);
    if (root == null || !root.isObject()) {
      throw invalid("The request body must be a JSON object with a \"query\"");
    }
    JsonNode query = root.get("query");
    if (query == null || !query.isTextual() || query.asText().isBlank()) {
      throw invalid("The request has no \"query\" string");
    }
    return new GraphQlRequest(
        query.asText(),
        operationName(root.get("operationName")),
        variables(root.get("variables"), json));
  }

  private static JsonNode readTree(byte[] body, ObjectMapper json) {
    try {
      return json.reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .readTree(body);
    } catch (JsonProcessingException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate")) {
        throw invalid(DUPLICATE_KEY);
      }
      throw invalid("The request body is not one valid JSON value");
    } catch (IOException e) {
      throw invalid("The request body could not be read");
    }
  }

  private static String operationName(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw invalid("\"operationName\" must be a string");
    }
    return node.asText();
  }

  private static Map<String, Object> variables(JsonNode node, ObjectMapper json) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("\"variables\" must be a JSON object");
    }
    Map<String, Object> flat = flatVariables(node, json);
    return flat != null ? flat : json.convertValue(node, MAP);
  }

  /**
   * The map {@code convertValue} makes of variables that are all strings, booleans, {@code int}s or
   * nulls (what clients send), read off the tree without the conversion's buffer and deserializers;
   * null for anything else, and whenever the mapper is set to read an {@code int} other than as
   * {@link Integer}.
   */
  private static Map<String, Object> flatVariables(JsonNode node, ObjectMapper json) {
    if (json.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        || json.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS)) {
      return null;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode value = entry.getValue();
      Object plain;
      if (value.isTextual()) {
        plain = value.textValue();
      } else if (value.isBoolean()) {
        plain = value.booleanValue();
      } else if (value.isInt()) {
        plain = value.intValue();
      } else if (value.isNull()) {
        plain = null;
      } else {
        return null;
      }
      variables.put(entry.getKey(), plain);
    }
    return variables;
  }

  private static ReservationException invalid(String message) {
    return new ReservationException.InvalidInput("body", message);
  }
}
