package org.svmsim.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioAssembly;

/** Runs a scenario and writes its output tree into a (staging) directory. */
public final class SimulationRunner {
  private SimulationRunner() {}

  /** Writes events.jsonl as the run goes, then the logs and summary.json; returns the summary. */
  public static RunSummary run(Scenario scenario, Path dir) {
    try {
      Simulation.Result result;
      try (BufferedWriter events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
        result = new Simulation(ScenarioAssembly.of(scenario)).run(events);
      }
      OutputTree.writeLogs(dir, result.logs());
      OutputTree.writeSummary(dir, result.summary());
      return result.summary();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
