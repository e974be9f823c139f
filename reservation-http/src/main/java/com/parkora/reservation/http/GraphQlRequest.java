package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

  /**
   * The reader {@link #parse} takes, made once per mapper: the body as plain maps, lists and
   * scalars, as the mapper reads untyped JSON, with no trailing tokens and no repeated keys.
   */
  static ObjectReader reader(ObjectMapper json) {
    return json.readerFor(Object.class)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * Reads the body in one pass: the variables are the maps and values the mapper makes of untyped
   * JSON, with no tree in between.
   */
  static GraphQlRequest parse(byte[] body, ObjectReader reader) {
    if (body.length == 0) {
      throw invalid("The request body is empty: send a JSON object with a \"query\"");
    }
    if (!(read(body, reader) instanceof Map<?, ?> root)) {
      throw invalid("The request body must be a JSON object with a \"query\"");
    }
    if (!(root.get("query") instanceof String query) || query.isBlank()) {
      throw invalid("The request has no \"query\" string");
    }
    return new GraphQlRequest(
        query, operationName(root.get("operationName")), variables(root.get("variables")));
  }

  private static Object read(byte[] body, ObjectReader reader) {
    try {
      return reader.readValue(body);
    } catch (JsonProcessingException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate")) {
        throw invalid(DUPLICATE_KEY);
      }
      throw invalid("The request body is not one valid JSON value");
    } catch (IOException e) {
      throw invalid("The request body could not be read");
    }
  }

  private static String operationName(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String name)) {
      throw invalid("\"operationName\" must be a string");
    }
    return name;
  }

  @SuppressWarnings("unchecked") // an untyped JSON object's keys are strings
  private static Map<String, Object> variables(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> variables)) {
      throw invalid("\"variables\" must be a JSON object");
    }
    return (Map<String, Object>) variables;
  }

  private static ReservationException invalid(String message) {
    return new ReservationException.InvalidInput("body", message);
  }
}
