package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code LOG_FORMAT}: text unless json is asked for; anything else is a mistake named as such. */
class LogSetupTest {

  @Test
  void unset_or_empty_is_text_and_both_names_are_taken_in_any_case() {
    assertThat(LogSetup.format(null)).isEqualTo("text");
    assertThat(LogSetup.format("")).isEqualTo("text");
    assertThat(LogSetup.format(" Text ")).isEqualTo("text");
    assertThat(LogSetup.format("JSON")).isEqualTo("json");
  }

  @Test
  void another_value_is_refused_with_the_variable_named() {
    assertThatThrownBy(() -> LogSetup.format("logfmt"))
        .isInstanceOf(CliException.class)
        .hasMessage("LOG_FORMAT must be one of text, json; got 'logfmt'");
  }
}
