package com.parkora.reservation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Raw client input becomes a command record, or an input error naming the field. */
class CommandParsingTest {

  private static final String ID = "3f1c2b7e-1d7a-4c55-8f0e-6a5b4c3d2e10";

  @Test
  void an_id_is_parsed_for_a_command_and_trimmed() {
    assertThat(ReservationId.parse(" " + ID + " ").value()).isEqualTo(UUID.fromString(ID));
  }

  @Test
  void a_malformed_id_is_an_input_error_for_a_command_and_nothing_for_a_lookup() {
    assertThatThrownBy(() -> ReservationId.parse("1-1-1-1-1"))
        .isInstanceOfSatisfying(
            ReservationException.InvalidInput.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).isEqualTo("id must be a UUID, got '1-1-1-1-1'");
            });
    assertThat(ReservationId.lookup("1-1-1-1-1")).isEmpty();
    assertThat(ReservationId.lookup(null)).isEmpty();
  }

  @Test
  void a_blank_transaction_id_confirms_without_one() {
    ConfirmReservation command = ConfirmReservation.parse(ID, "  ");
    assertThat(command.transactionId()).isNull();
    assertThat(ConfirmReservation.parse(ID, " t-1 ").transactionId()).isEqualTo("t-1");
  }

  @Test
  void a_transaction_id_too_long_or_with_control_characters_is_refused() {
    assertThatThrownBy(() -> ConfirmReservation.parse(ID, "t".repeat(256)))
        .hasMessage("transactionId must be at most 255 characters");
    assertThatThrownBy(() -> ConfirmReservation.parse(ID, "t\n1"))
        .hasMessage("transactionId must not contain control characters");
  }

  @Test
  void a_cancel_reason_may_hold_line_breaks_but_not_nul_or_more_than_1000_characters() {
    assertThat(CancelReservation.parse(ID, "line\nbreak").reason()).isEqualTo("line\nbreak");
    assertThatThrownBy(() -> CancelReservation.parse(ID, "r".repeat(1001)))
        .hasMessage("reason must be at most 1000 characters");
    assertThatThrownBy(() -> CancelReservation.parse(ID, "a\0b"))
        .hasMessage("reason must not contain NUL characters");
  }

  /**
   * All fifteen types against the "Status after" column of docs/events.md: a status named first is
   * the one that follows, anything else ("unchanged", "the row is removed") keeps the current one.
   */
  @Test
  void every_event_type_names_the_status_that_follows_or_keeps_the_current_one() throws Exception {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String row : Files.readAllLines(Path.of("..", "docs", "events.md"))) {
      Matcher m = Pattern.compile("^\\| `([A-Z_]+)` \\|.*\\| ([^|]+) \\|$").matcher(row);
      if (m.matches()) {
        documented.put(m.group(1), m.group(2).trim());
      }
    }

    assertThat(documented.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(EventType.values()).map(Enum::name).toList());
    for (EventType type : EventType.values()) {
      String after = documented.get(type.name());
      ReservationStatus named =
          Arrays.stream(ReservationStatus.values())
              .filter(s -> after.startsWith(s.name()))
              .findFirst()
              .orElse(null);
      for (ReservationStatus before : ReservationStatus.values()) {
        assertThat(type.statusAfter(before))
            .as("%s after %s (docs/events.md: %s)", type, before, after)
            .isEqualTo(named == null ? before : named);
      }
    }
  }
}
