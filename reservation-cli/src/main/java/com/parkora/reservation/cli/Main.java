package com.parkora.reservation.cli;

import com.parkora.reservation.domain.TenantId;
import java.io.PrintWriter;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The program's entry: parses the command line and runs one command. Mistakes and failures end as
 * one line on stderr and a non-zero exit code ({@value #USAGE} for usage, {@value #FAILURE}
 * otherwise), with the stack trace only under {@code --verbose}.
 */
public final class Main {

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private final CliContext context;

  public Main(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    CliContext process = CliContext.ofProcess();
    try {
      LogSetup.beforeFirstLogger(args, process.environment());
    } catch (CliException mistake) {
      System.err.println("error: " + mistake.getMessage());
      System.exit(FAILURE);
    }
    System.exit(new Main(process).run(args));
  }

  /** Runs one command line and answers its exit code. */
  public int run(String... args) {
    boolean verbose = LogSetup.verbose(args);
    CommandFactory factory = new CommandFactory(context);
    CommandLine cli = new CommandLine(new ReservationCommand(), factory);
    for (Class<?> command : ReservationCommand.commandsFor(args)) {
      cli.addSubcommand(new CommandLine(command, factory));
    }
    cli.registerConverter(TenantId.class, new TenantConverter());
    cli.registerConverter(UUID.class, new UuidConverter());
    cli.setOut(new PrintWriter(context.out(), true));
    cli.setErr(new PrintWriter(context.err(), true));
    cli.setParameterExceptionHandler((mistake, ignored) -> usageMistake(mistake, verbose));
    cli.setExecutionExceptionHandler((failure, command, parsed) -> failed(failure, verbose));
    return cli.execute(args);
  }

  private int usageMistake(ParameterException mistake, boolean verbose) {
    String command = mistake.getCommandLine().getCommandSpec().qualifiedName();
    report(
        "error: " + Failures.oneLine(mistake) + " (see '" + command + " --help')",
        mistake,
        verbose);
    return USAGE;
  }

  private int failed(Exception failure, boolean verbose) {
    report("error: " + Failures.oneLine(failure), failure, verbose);
    return FAILURE;
  }

  /** The one line of a mistake or failure: a log line of its own with {@code LOG_FORMAT=json}. */
  private void report(String line, Exception failure, boolean verbose) {
    if (LogSetup.json()) {
      LoggerFactory.getLogger(Main.class).error(line, verbose ? failure : null);
      return;
    }
    context.err().println(line);
    if (verbose) {
      failure.printStackTrace(context.err());
    }
  }
}
