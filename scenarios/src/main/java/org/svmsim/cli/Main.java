package org.svmsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.svmsim.run.BadEventsFileException;
import org.svmsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code svmsim} command. User mistakes print one line to stderr and exit 2; anything else is an
 * internal error, one line and exit 1 (with the stack trace when {@code SVMSIM_DEBUG=1}).
 */
@Command(name = "svmsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Simulates VMware ESXi Storage vMotion and writes ESXi-format logs.",
    footer = {"", "Exit codes: 0 done, 1 internal error (SVMSIM_DEBUG=1 shows its stack trace),",
        "2 a mistake in the command or the scenario (one line on stderr)."},
    subcommands = {RunCommand.class, ShowCommand.class, ReplayCommand.class, ReportCommand.class,
        ExplainCommand.class, ListCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  static final int USER_ERROR = 2;
  static final int INTERNAL_ERROR = 1;
  static final int ENVIRONMENT_ERROR = 3;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: run, show, replay, report, explain or list");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line as the shell would, returning the exit code instead of exiting. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("svmsim: " + oneLine(e.getMessage()) + " (see svmsim --help)");
      return USER_ERROR;
    });
    cl.setExecutionExceptionHandler((e, c, parsed) -> report(e, err));
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static int report(Exception e, PrintWriter err) {
    if (e instanceof ScenarioException || e instanceof UsageError || e instanceof BadEventsFileException) {
      err.println("svmsim: " + oneLine(e.getMessage()));
      return USER_ERROR;
    }
    if (e instanceof EnvironmentError) {
      err.println("svmsim: " + oneLine(e.getMessage()));
      return ENVIRONMENT_ERROR;
    }
    err.println("svmsim: internal error: " + oneLine(String.valueOf(e)));
    if ("1".equals(System.getenv("SVMSIM_DEBUG"))) {
      e.printStackTrace(err);
    }
    return INTERNAL_ERROR;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
