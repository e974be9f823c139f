package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.RowsChanged;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rebuild}: replays tenants' events into fresh read models, with progress and a summary. A
 * tenant that fails does not stop the others; any failure makes the exit code non-zero.
 */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = "Rebuild read models from the event log.")
final class RebuildCommand extends StoreCommand {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(
      names = "--progress",
      paramLabel = "STYLE",
      defaultValue = "auto",
      description = "auto (a bar on a terminal, lines otherwise), bar or lines.",
      converter = ProgressStyleConverter.class)
  Progress.Style progress;

  /** Which tenants: one, or all that have events. */
  static final class Target {
    @Option(
        names = "--tenant",
        paramLabel = "UUID",
        description = "The tenant whose read model to rebuild.")
    TenantId tenant;

    @Option(names = "--all", description = "Every tenant that has events.")
    boolean all;
  }

  RebuildCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    try (Bootstrap bootstrap = openStore()) {
      List<TenantId> tenants = target.all ? bootstrap.storage().tenants() : List.of(target.tenant);
      long started = System.nanoTime();
      long events = 0;
      RowsChanged rows = new RowsChanged();
      int failed = 0;
      for (int i = 0; i < tenants.size(); i++) {
        TenantId tenant = tenants.get(i);
        try {
          events += rebuild(bootstrap, tenant, (i + 1) + "/" + tenants.size(), rows);
        } catch (RuntimeException e) {
          failed++;
          context
              .err()
              .println("error: rebuilding tenant " + tenant + " failed: " + Failures.oneLine(e));
        }
      }
      context
          .out()
          .println(
              summary(
                      tenants.size() - failed,
                      failed,
                      events,
                      Duration.ofNanos(System.nanoTime() - started))
                  + "; "
                  + rows);
      return failed == 0 ? Main.OK : Main.FAILURE;
    }
  }

  private long rebuild(Bootstrap bootstrap, TenantId tenant, String ordinal, RowsChanged rows) {
    long total = bootstrap.storage().eventCount(tenant);
    try (Progress shown = Progress.start(context, progress, "tenant " + tenant, ordinal, total)) {
      RowsChanged ofTenant = new RowsChanged(shown);
      long events = bootstrap.service().rebuild(tenant, ofTenant);
      rows.rowsChanged(ofTenant.removed(), ofTenant.written());
      return events;
    }
  }

  static String summary(int rebuilt, int failed, long events, Duration took) {
    double seconds = Math.max(took.toNanos(), 1) / 1e9;
    String text =
        String.format(
            Locale.ROOT,
            "rebuilt %d tenant%s from %d events in %.2f s (%.0f events/s)",
            rebuilt,
            rebuilt == 1 ? "" : "s",
            events,
            seconds,
            events / seconds);
    return failed == 0 ? text : text + "; " + failed + " failed";
  }
}
