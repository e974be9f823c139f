package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.relay.FeedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code events dump}: writes events, one JSON message per line: those stored now, tenant by
 * tenant; or, with {@code --follow}, in commit order from the gap-free feed, then new ones as they
 * commit.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description =
        "Write events, one JSON message per line (docs/notifications.md): those stored now, "
            + "tenant by tenant in position order; with --follow, in commit order from the feed.")
final class EventsDumpCommand extends StoreCommand {

  static final Duration POLL = Duration.ofMillis(500);

  @Option(names = "--tenant", paramLabel = "UUID", description = "Only this tenant's events.")
  TenantId tenant;

  @Option(
      names = "--reservation",
      paramLabel = "UUID",
      description = "Only this reservation's events.")
  UUID reservation;

  @Option(
      names = "--after-position",
      paramLabel = "N",
      defaultValue = "0",
      description = "Only events whose store position is greater than N.")
  long afterPosition;

  @Option(
      names = "--follow",
      description =
          "Read the gap-free feed in commit order and keep "
              + "writing new events as they commit, until interrupted.")
  boolean follow;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  EventsDumpCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    if (afterPosition < 0) {
      throw new CliException("--after-position must not be negative, got " + afterPosition);
    }
    EventDump.Filter filter =
        new EventDump.Filter(
            Optional.ofNullable(tenant), Optional.ofNullable(reservation), afterPosition);
    try (Bootstrap bootstrap = openStore();
        CommitSignal signal = follow ? bootstrap.newCommitSignal() : CommitSignal.NONE;
        Writer out = open()) {
      FeedReader reader = new FeedReader(bootstrap.storage().feed(), signal, EventDump.PAGE, POLL);
      EventDump dump = new EventDump(bootstrap.storage(), bootstrap.codec(), reader);
      long written = follow ? dump.follow(filter, out) : dump.snapshot(filter, out);
      if (output != null) {
        context.err().println("wrote " + written + " events to " + output);
      }
      return Main.OK;
    }
  }

  private Writer open() throws IOException {
    if (output == null) {
      return new BufferedWriter(
          new OutputStreamWriter(new NonClosing(context.out()), StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /** Standard output stays open after the dump; only its writer is closed. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
