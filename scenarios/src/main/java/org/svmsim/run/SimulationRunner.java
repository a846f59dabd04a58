package org.svmsim.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svmsim.kernel.config.Method;
import org.svmsim.report.ReportFile;
import org.svmsim.report.RunReport;
import org.svmsim.scenario.ActionSpec;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioException;
import org.svmsim.scenario.ScenarioAssembly;

/** Runs a scenario and writes its output tree into a (staging) directory. */
public final class SimulationRunner {
  private SimulationRunner() {}

  /** Writes events.jsonl as the run goes, then the logs, summary.json and report.html; returns the summary. */
  public static RunSummary run(Scenario scenario, Path dir) {
    refuseUnimplementedMethods(scenario);
    try {
      Simulation.Result result;
      RunReport report = new RunReport();
      try (BufferedWriter events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
        result = new Simulation(ScenarioAssembly.of(scenario)).run(events, List.of(report));
      }
      OutputTree.writeLogs(dir, result.logs());
      OutputTree.writeSummary(dir, result.summary());
      ReportFile.write(dir.resolve(ReportFile.NAME), report, result.logs());
      return result.summary();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The scenario format already names the roadmap's methods; this version runs mirror only. */
  static void refuseUnimplementedMethods(Scenario scenario) {
    for (int i = 0; i < scenario.timeline().size(); i++) {
      ActionSpec a = scenario.timeline().get(i);
      if (a.relocates() && !Method.implementedIds().contains(a.method())) {
        throw new ScenarioException(scenario.name(), "timeline[" + i + "].method",
            "method \"" + a.method() + "\" is not implemented yet: this version runs "
                + String.join(", ", Method.implementedIds()) + " (the others are on the roadmap)");
      }
    }
  }
}
