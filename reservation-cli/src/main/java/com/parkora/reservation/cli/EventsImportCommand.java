package com.parkora.reservation.cli;

import com.parkora.reservation.app.EventImport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code events import}: appends events from a dump and projects them; events already stored (by
 * event id) are skipped, so importing twice adds nothing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Append events from a dump (FILE, or - for stdin) and project them; "
            + "events already stored are skipped.")
final class EventsImportCommand extends StoreCommand {

  @Parameters(index = "0", paramLabel = "FILE|-", description = "A dump file, or - for stdin.")
  String source;

  EventsImportCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    Config config = config();
    try (BufferedReader in = open();
        Bootstrap bootstrap = Bootstrap.open(config)) {
      EventImport.Result result = importFrom(in, bootstrap);
      context
          .out()
          .println(
              "imported "
                  + result.imported()
                  + " events, skipped "
                  + result.skipped()
                  + " already present, into "
                  + bootstrap.storeDescription());
      return Main.OK;
    }
  }

  private static EventImport.Result importFrom(BufferedReader in, Bootstrap bootstrap)
      throws IOException {
    try {
      return new EventImport(bootstrap.storage(), bootstrap.codec()).run(in);
    } catch (EventImport.Failed e) {
      throw new CliException(e.getMessage());
    }
  }

  private BufferedReader open() throws IOException {
    if (source.equals("-")) {
      return new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
    }
    Path file = Path.of(source);
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("no such file: " + source);
    } catch (IOException e) {
      throw new CliException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }
}
