package org.svmsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.svmsim.report.ReportFile;
import org.svmsim.run.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code svmsim report}: (re)write the report.html of an output tree from its recorded events, the same
 * file the run wrote. It replaces a report svmsim wrote, never another file unless {@code --force}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Write DIR/report.html from the run's events.jsonl: timeline, charts and logs.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The output directory of a run (or of a replay, with --events).")
  Path dir;

  @Option(names = "--events", paramLabel = "FILE",
      description = "The run's events (default: DIR/events.jsonl, or DIR/events.jsonl.gz).")
  Path events;

  @Option(names = "--force", description = "Replace DIR/report.html even if svmsim did not write it.")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(dir)) {
      throw new UsageError(dir + ": no such directory");
    }
    Path from = events != null ? events : dir.resolve("events.jsonl");
    if (events == null && !Files.exists(from) && Files.exists(dir.resolve("events.jsonl.gz"))) {
      from = dir.resolve("events.jsonl.gz");
    }
    if (!Files.isRegularFile(from)) {
      throw new UsageError(from + ": no such file (a report is drawn from the run's events;"
          + " for a replayed tree, pass --events RUN/events.jsonl)");
    }
    if (!Files.isReadable(from)) {
      throw new UsageError(from + ": cannot read the file: permission denied");
    }
    Path target = dir.resolve(ReportFile.NAME);
    try {
      if (Files.exists(target) && !force && !ReportFile.ours(target)) {
        throw new UsageError(target + ": exists and was not written by svmsim (--force replaces it)");
      }
      // Written beside the target and moved into place: a failure leaves the old file as it was.
      Path partial = dir.resolve("." + ReportFile.NAME + ".partial-" + ProcessHandle.current().pid());
      try {
        long n = Replayer.report(from, partial);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println("report of " + n + " events: " + target.toAbsolutePath().normalize());
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
    return 0;
  }
}
