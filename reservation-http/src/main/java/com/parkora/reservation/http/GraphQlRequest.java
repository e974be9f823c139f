package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.domain.ReservationException;
import java.io.IOException;
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
    return json.convertValue(node, MAP);
  }

  private static ReservationException invalid(String message) {
    return new ReservationException.InvalidInput("body", message);
  }
}
