package org.svmsim.run;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.svmsim.journal.WriteJournal;
import org.svmsim.kernel.config.Method;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.report.ReportFile;
import org.svmsim.report.RunReport;
import org.svmsim.scenario.ActionSpec;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioException;
import org.svmsim.scenario.ScenarioAssembly;

/** Runs a scenario and writes its output tree into a (staging) directory. */
public final class SimulationRunner {
  /** The audit journal's files, written with {@code --journal}; the README documents their format. */
  public static final String JOURNAL = "journal.jsonl";
  public static final String FINAL_DISKS = "final-disks.jsonl";

  private SimulationRunner() {}

  /** Writes events.jsonl as the run goes, then the logs, summary.json and report.html; returns the summary. */
  public static RunSummary run(Scenario scenario, Path dir) {
    return run(scenario, dir, EventsFormat.PLAIN, false);
  }

  /** As {@link #run(Scenario, Path)}; with {@code journal}, also journal.jsonl and final-disks.jsonl. */
  public static RunSummary run(Scenario scenario, Path dir, boolean journal) {
    return run(scenario, dir, EventsFormat.PLAIN, journal);
  }

  /** As {@link #run(Scenario, Path, boolean)}, with the events written as {@code format} says. */
  public static RunSummary run(Scenario scenario, Path dir, EventsFormat format, boolean journal) {
    return run(scenario, dir, format, journal, List.of());
  }

  /** As {@link #run(Scenario, Path, EventsFormat, boolean)}, with {@code watchers} seeing every event too. */
  public static RunSummary run(Scenario scenario, Path dir, EventsFormat format, boolean journal,
      List<Observer> watchers) {
    refuseUnimplementedMethods(scenario);
    ScenarioAssembly assembly = ScenarioAssembly.of(scenario);
    try {
      Simulation.Result result;
      RunReport report = new RunReport();
      try (OutputStream events = format == EventsFormat.NONE ? null : stream(dir.resolve(format.fileName()), format);
          BufferedWriter lines = journal ? Files.newBufferedWriter(dir.resolve(JOURNAL), StandardCharsets.UTF_8)
              : null) {
        WriteJournal audit = journal ? new WriteJournal(lines) : null;
        List<Observer> probes = new ArrayList<>(List.of(report));
        if (audit != null) {
          probes.add(audit);
        }
        probes.addAll(watchers);
        result = new Simulation(assembly).run(events, probes);
        if (audit != null) {
          try (BufferedWriter last = Files.newBufferedWriter(dir.resolve(FINAL_DISKS), StandardCharsets.UTF_8)) {
            audit.writeFinalDisks(last, result.finalDisks());
          }
        }
      }
      OutputTree.writeLogs(dir, result.logs());
      OutputTree.writeSummary(dir, result.summary());
      ReportFile.write(dir.resolve(ReportFile.NAME), report, result.logs());
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
