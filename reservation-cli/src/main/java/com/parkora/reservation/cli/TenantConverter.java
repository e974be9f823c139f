package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --tenant} values; anything but a UUID is a usage mistake. */
final class TenantConverter implements ITypeConverter<TenantId> {

  @Override
  public TenantId convert(String value) {
    try {
      return TenantId.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not a UUID");
    }
  }
}
