package com.parkora.reservation.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --progress auto|bar|lines}. */
final class ProgressStyleConverter implements ITypeConverter<Progress.Style> {

  @Override
  public Progress.Style convert(String value) {
    try {
      return Progress.Style.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not one of auto, bar, lines");
    }
  }
}
