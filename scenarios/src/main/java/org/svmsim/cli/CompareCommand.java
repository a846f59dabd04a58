package org.svmsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.svmsim.compare.Comparison;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code svmsim compare}: one scenario, one seed, the three methods side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run a scenario under mirror, dbt and snapshot on the same workload and seed; write each"
        + " run's tree under DIR/<method>/, compare.json, compare.png, and print a table.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "A bundled scenario (see svmsim list) or a file path.")
  String scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Replace the scenario's seed.")
  Long seed;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Set one field of the resolved scenario, e.g. vms[0].workload.iops=50 (repeatable).")
  List<String> sets = new java.util.ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output directory (default: runs/<scenario>-seed<seed>-compare).")
  Path out;

  @Option(names = "--force", description = "Replace DIR when it holds a previous svmsim output and nothing else.")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Overrides o = Overrides.none();
    if (seed != null) {
      o = o.withSeed(seed);
    }
    for (String s : sets) {
      o = o.withSet(s);
    }
    Overrides overrides = o;
    Scenario s = ScenarioLoader.load(scenario, overrides);
    Map<Path, String> inputs = new LinkedHashMap<>();
    if (java.nio.file.Files.isRegularFile(Path.of(scenario))) {
      inputs.put(Path.of(scenario), "the scenario file " + scenario);
    }
    OutputDirectory dir = out == null
        ? OutputDirectory.fresh(Path.of("runs"), s.name() + "-seed" + s.seed() + "-compare")
        : OutputDirectory.explicit(out, force, inputs);
    Map<String, String> about = new LinkedHashMap<>();
    about.put("command", "compare");
    about.put("scenario", s.name());
    about.put("seed", Long.toString(s.seed()));
    about.put("svmsim", Version.number());
    Comparison.Result r = dir.produce(about, staging -> Comparison.run(scenario, overrides, staging));
    Comparison.table(r).forEach(spec.commandLine().getOut()::println);
    spec.commandLine().getOut().println("output: " + dir.target());
    return 0;
  }
}
