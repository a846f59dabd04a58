package org.svmsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.scenario.Overrides;
import picocli.CommandLine.Option;

/** The overrides that {@code run} and {@code show} share; they apply in this order, {@code --set} last. */
final class ScenarioOptions {
  @Option(names = "--seed", paramLabel = "N", description = "Replace the scenario's seed.")
  Long seed;

  @Option(names = "--method", paramLabel = "METHOD",
      description = "Method of every relocate: ${sys:svmsim.methods} (the methods this version runs).")
  String method;

  @Option(names = "--fault", paramLabel = "KIND[:MODE]@WHEN",
      description = "Inject a fault into the relocate, e.g. cancel@40%%, dest-write-error:persistent@10m, "
          + "agent-restart:hostd@phase8 (repeatable; kinds and modes in the README).")
  List<String> faults = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Set one field of the resolved scenario, e.g. vms[0].workload.iops=50 (repeatable).")
  List<String> sets = new ArrayList<>();

  Overrides overrides() {
    Overrides o = Overrides.none();
    if (seed != null) {
      o = o.withSeed(seed);
    }
    if (method != null) {
      o = o.withMethod(method);
    }
    for (String f : faults) {
      o = o.withFault(f);
    }
    for (String s : sets) {
      o = o.withSet(s);
    }
    return o;
  }
}
