package com.parkora.reservation.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.codec.EventFormatException;
import com.parkora.reservation.port.KeptAnswer;
import com.parkora.reservation.port.StoredEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one line of the journal holds: one commit, {@code {"events": [...]}}, the events a unit of
 * work appended, in order, each as the message of docs/notifications.md, and {@code "answer"}, the
 * answer of an idempotent request it kept, if any (then the events may be none). A commit is one
 * line, so a crash leaves all of it or none of it: an answer comes back with its events. A line
 * that is a bare message is a commit of that one event: journals written before commits were
 * grouped hold only such lines, and still open.
 */
final class JournalFormat {

  /** One line's commit: its events and the answer it kept (or null). */
  record Commit(List<StoredEvent> events, KeptAnswer answer) {}

  private static final String EVENTS = "events";
  private static final String ANSWER = "answer";

  private final EventCodec codec;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final ObjectReader oneValue =
      json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  JournalFormat(EventCodec codec) {
    this.codec = codec;
  }

  /** The line (without its newline) of a commit of {@code events} and {@code answer}. */
  String line(List<StoredEvent> events, KeptAnswer answer) {
    ObjectNode commit = json.createObjectNode();
    ArrayNode array = commit.putArray(EVENTS);
    events.forEach(event -> array.add(codec.message(event)));
    if (answer != null) {
      commit.set(ANSWER, JournalAnswers.write(json, answer));
    }
    try {
      return json.writeValueAsString(commit);
    } catch (JsonProcessingException e) {
      throw new EventFormatException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The events of the commit on {@code line}: exactly one JSON value, a commit or a bare message.
   *
   * @throws JsonProcessingException if the line is not one JSON value
   * @throws EventFormatException if it is not a commit of events
   */
  Commit commit(String line) throws JsonProcessingException {
    JsonNode value = oneValue.readTree(line);
    if (!value.isObject()) {
      throw new EventFormatException("a journal line must be a JSON object");
    }
    JsonNode events = value.get(EVENTS);
    if (events == null) {
      return new Commit(List.of(codec.fromMessage(value)), null);
    }
    JsonNode answer = value.get(ANSWER);
    int fields = answer == null ? 1 : 2;
    if (!events.isArray() || events.isEmpty() && answer == null || value.size() != fields) {
      throw new EventFormatException(
          "a commit must be {\""
              + EVENTS
              + "\": [...]} holding one event or more, or an \""
              + ANSWER
              + "\"");
    }
    List<StoredEvent> commit = new ArrayList<>(events.size());
    events.forEach(event -> commit.add(codec.fromMessage(event)));
    return new Commit(commit, answer == null ? null : JournalAnswers.read(answer));
  }
}
