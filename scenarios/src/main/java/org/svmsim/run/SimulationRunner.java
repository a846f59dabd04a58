package org.svmsim.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.svmsim.kernel.config.Method;
import org.svmsim.scenario.ActionSpec;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioException;
import org.svmsim.scenario.ScenarioAssembly;

/** Runs a scenario and writes its output tree into a (staging) directory. */
public final class SimulationRunner {
  private SimulationRunner() {}

  /** Writes events.jsonl as the run goes, then the logs and summary.json; returns the summary. */
  public static RunSummary run(Scenario scenario, Path dir) {
    return run(scenario, dir, EventsFormat.PLAIN);
  }

  /** As {@link #run(Scenario, Path)}, with the events written as {@code format} says. */
  public static RunSummary run(Scenario scenario, Path dir, EventsFormat format) {
    refuseUnimplementedMethods(scenario);
    ScenarioAssembly assembly = ScenarioAssembly.of(scenario);
    try {
      Simulation.Result result;
      if (format == EventsFormat.NONE) {
        result = new Simulation(assembly).run(null);
      } else {
        try (OutputStream events = stream(dir.resolve(format.fileName()), format)) {
          result = new Simulation(assembly).run(events);
        }
      }
      OutputTree.writeLogs(dir, result.logs());
      OutputTree.writeSummary(dir, result.summary());
      return result.summary();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OutputStream stream(Path file, EventsFormat format) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    if (format == EventsFormat.GZIP) {
      out = new GZIPOutputStream(out, 1 << 16) {
        {
          def.setLevel(Deflater.BEST_SPEED);
        }
      };
    }
    return new BufferedOutputStream(out, 1 << 16);
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
