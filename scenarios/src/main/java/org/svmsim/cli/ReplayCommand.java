package org.svmsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.svmsim.run.EventsHeader;
import org.svmsim.run.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code svmsim replay}: render a recorded run's logs again from its events.jsonl. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Render the logs of a recorded run again from its events.jsonl.")
final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "EVENTS_JSONL", description = "The events.jsonl of a previous run.")
  Path events;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--force",
      description = "Replace DIR when it holds a previous svmsim output and nothing else.")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.exists(events)) {
      throw new UsageError(events + ": no such file");
    }
    if (!Files.isDirectory(events) && !Files.isReadable(events)) {
      throw new UsageError(events + ": cannot read the file: permission denied");
    }
    OutputDirectory dir = OutputDirectory.explicit(out, force, Map.of(events, "the events file being replayed"));
    Replayer.Replayed[] read = {null};
    Map<String, String> about = new LinkedHashMap<>();
    about.put("command", "replay");
    about.put("svmsim", Version.number());
    dir.produce(about, staging -> read[0] = Replayer.replay(events, staging));
    EventsHeader h = read[0].header();
    spec.commandLine().getOut().println("replayed " + read[0].events() + " events of " + h.scenario() + " seed "
        + h.seed() + " " + h.method() + " (recorded by svmsim " + h.svmsim() + ") from " + events);
    spec.commandLine().getOut().println("output: " + dir.shown());
    return 0;
  }
}
