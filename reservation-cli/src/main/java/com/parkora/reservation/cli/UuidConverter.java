package com.parkora.reservation.cli;

import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads UUID options strictly: the canonical 36-character form only. */
final class UuidConverter implements ITypeConverter<UUID> {

  @Override
  public UUID convert(String value) {
    try {
      UUID parsed = UUID.fromString(value.trim());
      if (!parsed.toString().equalsIgnoreCase(value.trim())) {
        throw new IllegalArgumentException(value);
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a UUID");
    }
  }
}
