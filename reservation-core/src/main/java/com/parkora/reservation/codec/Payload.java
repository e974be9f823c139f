package com.parkora.reservation.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkora.reservation.domain.EventType;
import com.parkora.reservation.domain.Inputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Typed reads from a JSON object, failing with the field's name. */
record Payload(JsonNode node, EventType type) {

  String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      throw missing(field);
    }
    return wellFormed(field, value.asText());
  }

  String optionalText(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : wellFormed(field, value.asText());
  }

  /** Text a store would not write back as read (a lone surrogate) is not an event. */
  private String wellFormed(String field, String text) {
    if (Inputs.hasLoneSurrogate(text)) {
      throw new EventFormatException(where() + field + " is not well-formed Unicode");
    }
    return text;
  }

  UUID uuid(String field) {
    return parsed(field, "a UUID", UUID::fromString);
  }

  int integer(String field) {
    JsonNode value = node.get(field);
    if (value != null && value.canConvertToInt() && value.isIntegralNumber()) {
      return value.intValue();
    }
    return parsed(field, "an integer", Integer::parseInt);
  }

  BigDecimal money(String field) {
    JsonNode value = node.get(field);
    BigDecimal amount =
        value != null && value.isNumber()
            ? value.decimalValue()
            : parsed(field, "a number", BigDecimal::new);
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The field's text, trimmed, as {@code parse} reads it; it fails as not being {@code what}. */
  private <T> T parsed(String field, String what, Function<String, T> parse) {
    String raw = text(field).trim();
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new EventFormatException(where() + field + " is not " + what);
    }
  }

  Instant instant(String field) {
    try {
      return Inputs.instant(field, text(field));
    } catch (RuntimeException e) {
      throw new EventFormatException(where() + field + " is not an ISO-8601 time");
    }
  }

  Instant instantOr(String field, Instant fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : instant(field);
  }

  private EventFormatException missing(String field) {
    return new EventFormatException(where() + field + " is missing");
  }

  private String where() {
    return type == null ? "" : type.name() + ": ";
  }
}
