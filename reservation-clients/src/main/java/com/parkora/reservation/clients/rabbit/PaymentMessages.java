package com.parkora.reservation.clients.rabbit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.parkora.reservation.port.PaymentNotice;
import java.math.BigDecimal;

/**
 * Reads the payment service's messages (docs/notifications.md) into {@link PaymentNotice}s: {@code
 * payment.processed} needs {@code transaction_id} and {@code reservation_id}, {@code
 * payment.refunded} needs {@code transaction_id} and {@code refund_id}, each a non-blank string of
 * at most 255 characters; {@code amount}, when present, must be a number. Other fields are not
 * read. Anything else is a {@link BadPaymentMessage}.
 */
final class PaymentMessages {

  static final String PROCESSED = "payment.processed";
  static final String REFUNDED = "payment.refunded";

  /** Larger bodies are refused unread: the contract's messages are a few hundred bytes. */
  static final int MAX_BODY = 64 * 1024;

  private static final int MAX_ID = 255;

  private final ObjectReader reader =
      new ObjectMapper()
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  PaymentNotice read(String routingKey, byte[] body) {
    if (!PROCESSED.equals(routingKey) && !REFUNDED.equals(routingKey)) {
      throw new BadPaymentMessage("unknown routing key '" + printable(routingKey) + "'");
    }
    JsonNode json = parse(body);
    String txn = id(json, "transaction_id");
    if (REFUNDED.equals(routingKey)) {
      return new PaymentNotice.Refunded(txn, id(json, "refund_id"));
    }
    return new PaymentNotice.Charged(txn, id(json, "reservation_id"), amount(json));
  }

  private JsonNode parse(byte[] body) {
    if (body.length > MAX_BODY) {
      throw new BadPaymentMessage("body of " + body.length + " bytes is over " + MAX_BODY);
    }
    try {
      JsonNode json = reader.readValue(body);
      if (json == null || !json.isObject()) {
        throw new BadPaymentMessage("body is not a JSON object");
      }
      return json;
    } catch (JacksonException e) {
      throw new BadPaymentMessage("body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadPaymentMessage("body cannot be read: " + e.getMessage());
    }
  }

  private static String id(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new BadPaymentMessage("'" + field + "' is missing");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new BadPaymentMessage("'" + field + "' must be a non-blank string");
    }
    String text = value.asText().trim();
    if (text.length() > MAX_ID) {
      throw new BadPaymentMessage("'" + field + "' is longer than " + MAX_ID + " characters");
    }
    return text;
  }

  private static BigDecimal amount(JsonNode json) {
    JsonNode value = json.get("amount");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new BadPaymentMessage("'amount' must be a number");
    }
    return value.decimalValue();
  }

  /** {@code raw} fit for a log line: clipped, control characters replaced. */
  static String printable(String raw) {
    String text = raw == null ? "" : raw;
    String clipped = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return clipped.replaceAll("\\p{Cntrl}", "?");
  }
}
