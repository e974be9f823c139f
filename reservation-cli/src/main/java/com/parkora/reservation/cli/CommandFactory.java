package com.parkora.reservation.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands with the {@link CliContext} handed to their constructor, when they take one. */
final class CommandFactory implements IFactory {

  private final CliContext context;

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      var constructor = type.getDeclaredConstructor(CliContext.class);
      return constructor.newInstance(context);
    } catch (NoSuchMethodException takesNoContext) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
