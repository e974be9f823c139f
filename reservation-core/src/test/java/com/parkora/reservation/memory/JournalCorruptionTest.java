package com.parkora.reservation.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkora.reservation.codec.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A complete line that is not exactly one commit of readable events (trailing content, a second
 * JSON value, a malformed commit, an unreadable event, events of two tenants) is corruption: the
 * store refuses to open, naming the line, rather than replay part of it.
 */
class JournalCorruptionTest {

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private final Bookings bookings = new Bookings();

  @Test
  void a_complete_line_with_content_after_its_commit_is_refused_as_corrupt() throws IOException {
    List<String> lines = journalOf("A-1", "A-2");
    write(lines.get(0) + " trailing", lines.get(1));

    assertRefused("line 1 is corrupt");
  }

  @Test
  void a_complete_last_line_with_a_second_json_value_is_refused_not_half_replayed()
      throws IOException {
    String line = journalOf("A-1").getFirst();
    write(line + line);

    assertRefused("line 1 is corrupt");
  }

  @Test
  void a_commit_that_is_not_a_list_of_one_event_or_more_is_refused_as_corrupt() throws IOException {
    List<String> lines = journalOf("A-1", "A-2");
    ObjectNode extraField = commit(lines.get(1)).put("note", "not part of a commit");
    ObjectNode noEvents = json.createObjectNode().set("events", json.createArrayNode());
    ObjectNode notAList = json.createObjectNode().set("events", events(lines.get(1)).get(0));

    for (JsonNode malformed : List.of(extraField, noEvents, notAList)) {
      write(lines.get(0), malformed.toString());
      assertRefused("line 2 is corrupt");
    }
  }

  @Test
  void a_commit_with_one_unreadable_event_is_refused_whole() throws IOException {
    List<String> lines = journalOf("A-1", "A-2");
    ObjectNode unreadable = events(lines.get(1)).get(0).deepCopy();
    unreadable.put("event_type", "NO_SUCH_EVENT");
    write(withEvent(lines.get(0), unreadable));

    assertRefused("line 1 is corrupt");
  }

  @Test
  void a_commit_holding_events_of_two_tenants_is_refused() throws IOException {
    String ours = journalOf("A-1").getFirst();
    Path elsewhere = dir.resolve("other-tenant");
    new Bookings().written(elsewhere, "B-1");
    String theirs = Files.readAllLines(elsewhere.resolve(Journal.FILE_NAME)).getFirst();
    write(withEvent(ours, events(theirs).get(0)));

    assertRefused("line 1 cannot be replayed");
  }

  private List<String> journalOf(String... spots) throws IOException {
    bookings.written(dir, spots);
    return Files.readAllLines(dir.resolve(Journal.FILE_NAME));
  }

  private ObjectNode commit(String line) throws IOException {
    return (ObjectNode) json.readTree(line);
  }

  private JsonNode events(String line) throws IOException {
    return commit(line).get("events");
  }

  /** The commit on {@code line} with {@code event} appended to it, as a line. */
  private String withEvent(String line, JsonNode event) throws IOException {
    ObjectNode commit = commit(line);
    ((ArrayNode) commit.get("events")).add(event);
    return commit.toString();
  }

  private void write(String... lines) throws IOException {
    Files.write(dir.resolve(Journal.FILE_NAME), List.of(lines));
  }

  private void assertRefused(String message) {
    assertThatThrownBy(() -> Journal.open(dir, new EventCodec())).hasMessageContaining(message);
  }
}
