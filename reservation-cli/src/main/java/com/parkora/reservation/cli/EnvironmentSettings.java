package com.parkora.reservation.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Typed reads of environment variables, failing with the variable's name. Each read tells {@code
 * reads} the variable's name and its default (null when it has none), so the documentation can be
 * held against what the code reads.
 */
record EnvironmentSettings(Map<String, String> env, BiConsumer<String, Object> reads) {

  EnvironmentSettings(Map<String, String> env) {
    this(env, (name, fallback) -> {});
  }

  Optional<String> optional(String name) {
    return read(name, null);
  }

  String text(String name, String fallback) {
    return read(name, fallback).orElse(fallback);
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
    return read(name, fallback).map(raw -> Durations.parse(name, raw)).orElse(fallback);
  }

  boolean flag(String name, boolean fallback) {
    Optional<String> raw = read(name, fallback);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new CliException(name + " must be true or false, got '" + raw.get() + "'");
    };
  }

  /** A comma-separated list; {@code fallback} when unset or naming nothing. */
  List<String> list(String name, List<String> fallback) {
    List<String> values =
        read(name, fallback.isEmpty() ? null : String.join(",", fallback))
            .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(v -> !v.isEmpty()))
            .map(Stream::toList)
            .orElse(List.of());
    return values.isEmpty() ? fallback : values;
  }

  private Optional<String> read(String name, Object fallback) {
    reads.accept(name, fallback);
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private int integer(String name, int fallback) {
    Optional<String> raw = read(name, fallback);
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
