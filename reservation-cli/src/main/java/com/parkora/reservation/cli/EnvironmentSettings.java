package com.parkora.reservation.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables, failing with the variable's name. */
record EnvironmentSettings(Map<String, String> env) {

  Optional<String> optional(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String text(String name, String fallback) {
    return optional(name).orElse(fallback);
  }

  int port(String name, int fallback) {
    return checkPort(name, integer(name, fallback));
  }

  int positive(String name, int fallback) {
    int value = integer(name, fallback);
    if (value <= 0) {
      throw new CliException(name + " must be a positive number, got " + value);
    }
    return value;
  }

  Duration duration(String name, Duration fallback) {
    return optional(name).map(raw -> Durations.parse(name, raw)).orElse(fallback);
  }

  boolean flag(String name, boolean fallback) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new CliException(name + " must be true or false, got '" + raw.get() + "'");
    };
  }

  List<String> list(String name) {
    return optional(name)
        .map(
            raw ->
                Arrays.stream(raw.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList())
        .orElse(List.of());
  }

  private int integer(String name, int fallback) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new CliException(name + " must be a whole number, got '" + raw.get() + "'");
    }
  }

  static int checkPort(String name, int value) {
    if (value < 0 || value > 65535) {
      throw new CliException(name + " must be a port between 0 and 65535, got " + value);
    }
    return value;
  }
}
