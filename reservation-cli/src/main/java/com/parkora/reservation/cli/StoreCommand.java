package com.parkora.reservation.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that works on the configured store: it takes the flags every command accepts, and its
 * configuration is the environment's with those flags applied.
 */
abstract class StoreCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  final CliContext context;

  StoreCommand(CliContext context) {
    this.context = context;
  }

  /** The environment's configuration with the common flags applied. */
  final Config config() {
    return common.applyTo(context.environmentConfig());
  }

  /** The store this configuration names, opened (and migrated); the caller closes it. */
  final Bootstrap openStore() {
    return Bootstrap.open(config());
  }
}
