package com.parkora.reservation.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.codec.EventFormatException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.IdempotencyKey;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredAnswer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code "answer"} of a journal line: the key's scope, the request's fingerprint, the claim,
 * the HTTP status, the body in base64 and when the key was claimed.
 */
final class JournalAnswers {

  private JournalAnswers() {}

  static ObjectNode write(ObjectMapper json, KeptAnswer kept) {
    ObjectNode node = json.createObjectNode();
    node.put("tenant_id", kept.key().tenant().toString());
    node.put("subject", kept.key().subject());
    node.put("key", kept.key().key());
    node.put("fingerprint", kept.fingerprint());
    node.put("claim", kept.claim().toString());
    node.put("status", kept.answer().status());
    node.put("body", Base64.getEncoder().encodeToString(kept.answer().body()));
    node.put("created_at", kept.createdAt().toString());
    return node;
  }

  static KeptAnswer read(JsonNode node) {
    try {
      return new KeptAnswer(
          new IdempotencyKey(
              TenantId.parse(text(node, "tenant_id")), text(node, "subject"), text(node, "key")),
          text(node, "fingerprint"),
          UUID.fromString(text(node, "claim")),
          new StoredAnswer(
              node.required("status").intValue(), Base64.getDecoder().decode(text(node, "body"))),
          Instant.parse(text(node, "created_at")));
    } catch (RuntimeException e) {
      throw new EventFormatException("a journaled answer is malformed: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.required(field);
    if (!value.isTextual()) {
      throw new EventFormatException(field + " must be a string");
    }
    return value.asText();
  }
}
