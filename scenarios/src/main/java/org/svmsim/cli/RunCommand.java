package org.svmsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.svmsim.run.EventsFormat;
import org.svmsim.run.RunSummary;
import org.svmsim.run.SimulationRunner;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code svmsim run}: resolve a scenario, simulate it, and leave its logs in a complete output directory. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run a scenario (a bundled name or a YAML file).")
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario (see svmsim list) or a file path.")
  String scenario;

  @Mixin
  ScenarioOptions options;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: runs/<scenario>-seed<seed>-<method>).")
  Path out;

  @Option(names = "--force",
      description = "Replace DIR when it holds a previous svmsim output and nothing else.")
  boolean force;

  @Option(names = "--events", paramLabel = "FORMAT", defaultValue = "plain",
      description = "How to record the events: plain (events.jsonl, the default), gzip (events.jsonl.gz,"
          + " about ten times smaller) or none (no events file: the run cannot be replayed).")
  EventsFormat events;

  @Option(names = "--journal",
      description = "Also write journal.jsonl (every acknowledged write, block by block) and final-disks.jsonl.")
  boolean journal;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Scenario s = ScenarioLoader.load(scenario, options.overrides());
    Map<Path, String> inputs = new LinkedHashMap<>();
    if (Files.isRegularFile(Path.of(scenario))) {
      inputs.put(Path.of(scenario), "the scenario file " + scenario);
    }
    OutputDirectory dir = out == null
        ? OutputDirectory.fresh(Path.of("runs"), defaultName(s))
        : OutputDirectory.explicit(out, force, inputs);
    Map<String, String> about = new LinkedHashMap<>();
    about.put("command", "run");
    about.put("scenario", s.name());
    about.put("seed", Long.toString(s.seed()));
    about.put("method", String.join("+", s.relocateMethods()));
    about.put("svmsim", Version.number());
    Progress progress = Progress.onTerminal();
    RunSummary summary;
    try {
      summary = dir.produce(about, staging -> SimulationRunner.run(s, staging, events, journal,
          progress == null ? List.of() : List.of(progress)));
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    spec.commandLine().getOut().println(summary.oneLine());
    spec.commandLine().getOut().println("output: " + dir.shown());
    return 0;
  }

  static String defaultName(Scenario s) {
    String method = s.relocateMethods().isEmpty() ? "none" : String.join("+", s.relocateMethods());
    return s.name() + "-seed" + s.seed() + "-" + method;
  }
}
