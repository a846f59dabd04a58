package org.svmsim.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.svmsim.kernel.config.Method;
import org.svmsim.run.BadEventsFileException;
import org.svmsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Spec;

/**
 * The {@code svmsim} command. User mistakes print one line to stderr and exit 2; anything else is an
 * internal error, one line and exit 1 (with the stack trace when {@code SVMSIM_DEBUG=1}).
 */
@Command(name = "svmsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Simulates VMware ESXi Storage vMotion and writes ESXi-format logs.",
    footer = {"", "Exit codes: 0 the simulation ran (summary.json says how the migration ended: success,",
        "failed or aborted), 2 a mistake in the command, the scenario or an input file (one line on stderr),",
        "3 the machine refused (an unwritable or full output location: the path and the system's reason),",
        "1 an internal error (a bug; SVMSIM_DEBUG=1 shows its stack trace)."},
    subcommands = {RunCommand.class, CompareCommand.class, ShowCommand.class, ReplayCommand.class, ReportCommand.class,
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
    // --method's help lists the methods that run, from the one list of them.
    System.setProperty("svmsim.methods", String.join(", ", Method.implementedIds()));
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((e, a) -> {
      err.println("svmsim: " + usage(e, cl) + " (see " + helpOf(e.getCommandLine()) + ")");
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

  /** The command's own help: {@code svmsim run --help}, or {@code svmsim --help} at the top. */
  private static String helpOf(CommandLine c) {
    return c.getParent() == null ? "svmsim --help" : "svmsim " + c.getCommandName() + " --help";
  }

  /** A usage mistake in one line; an unknown command or option names the nearest one. */
  private static String usage(ParameterException e, CommandLine top) {
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      CommandLine c = u.getCommandLine();
      List<String> known = word.startsWith("-")
          ? c.getCommandSpec().options().stream().flatMap(o -> Arrays.stream(o.names()))
              .filter(n -> n.startsWith("--") == word.startsWith("--")).toList()
          : c == top ? List.copyOf(c.getSubcommands().keySet()) : List.of();
      if (!known.isEmpty()) {
        String what = word.startsWith("-") ? "option" : "command";
        return "unknown " + what + " '" + word + "': did you mean " + Nearest.of(word, known) + "?";
      }
    }
    return oneLine(e.getMessage()).replaceAll("is not an? (long|int)\\b", "is not a whole number");
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
    if (Failures.io(e).isPresent()) {
      err.println("svmsim: " + Failures.path(e).map(p -> p + ": ").orElse("") + Failures.reason(e));
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
