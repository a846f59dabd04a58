package org.svmsim.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.svmsim.kernel.config.Method;
import org.svmsim.report.ReportFile;
import org.svmsim.run.EventsFormat;
import org.svmsim.run.Replayer;
import org.svmsim.run.RunSummary;
import org.svmsim.run.SimulationRunner;
import org.svmsim.scenario.Mappers;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;

/**
 * {@code svmsim compare}: the same scenario and seed under each method, one output tree per method in
 * {@code <dir>/<method>/}, then {@code compare.json} ({@code {"runs": [summary, ...]}}), {@code
 * compare.png} (the three runs over time), {@code report.html} (the three runs side by side) and a table
 * for the terminal.
 */
public final class Comparison {
  public static final String JSON = "compare.json";
  public static final String PNG = "compare.png";
  public static final String REPORT = "report.html";

  private Comparison() {}

  /** The runs' summaries, in {@link Method} order. */
  public record Result(String scenario, long seed, List<RunSummary> runs) {}

  /** Runs every method of {@code scenario} (with {@code overrides}) into {@code dir}, which must be empty. */
  public static Result run(String scenario, Overrides overrides, Path dir) {
    Map<String, MethodTimeline> curves = new LinkedHashMap<>();
    List<RunSummary> runs = new ArrayList<>();
    String name = scenario;
    long seed = 0;
    for (Method m : Method.values()) {
      Scenario s = ScenarioLoader.load(scenario, overrides.withMethod(m.id()));
      name = s.name();
      seed = s.seed();
      Path out = dir.resolve(m.id());
      MethodTimeline curve = new MethodTimeline();
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      runs.add(SimulationRunner.run(s, out, EventsFormat.PLAIN, false, List.of(curve)));
      curves.put(m.id(), curve);
    }
    try {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("runs", runs);
      Files.writeString(dir.resolve(JSON), Mappers.json().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
      String title = name + " (seed " + seed + "): mirror, DBT and snapshot";
      CompareChart.write(dir.resolve(PNG), title, curves);
      writeReport(dir, title, runs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(name, seed, runs);
  }

  /**
   * The comparison page: every method's run replayed from its own events.jsonl onto one time axis, and the
   * table; the same data as each run's own report.html, so the page and the trees never disagree.
   */
  private static void writeReport(Path dir, String title, List<RunSummary> runs) throws IOException {
    List<Map<String, Object>> data = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunSummary s : runs) {
      data.add(Replayer.reportData(dir.resolve(s.method()).resolve("events.jsonl")));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", s.method());
      row.put("outcome", s.outcome());
      row.put("migration (s)", String.format(Locale.ROOT, "%.3f", s.migrationTimeMs() / 1000));
      row.put("downtime (ms)", String.format(Locale.ROOT, "%.1f", s.downtimeMs()));
      row.put("bytes copied", s.bytesCopied());
      row.put("passes", s.passes());
      row.put("write p50 (us)", String.format(Locale.ROOT, "%.0f", s.guestWriteLatencyP50Us()));
      row.put("write p99 (us)", String.format(Locale.ROOT, "%.0f", s.guestWriteLatencyP99Us()));
      row.put("guest MB/s", String.format(Locale.ROOT, "%.2f", s.guestWriteThroughputMBps()));
      rows.add(row);
    }
    ReportFile.writeComparison(dir.resolve(REPORT), title, data, rows);
  }

  /** The terminal's table: one line a method. */
  public static List<String> table(Result r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-9s %-8s %12s %12s %14s %6s %10s %10s %12s", "method", "outcome",
        "migration", "downtime", "bytes copied", "passes", "write p50", "write p99", "guest MB/s"));
    for (RunSummary s : r.runs()) {
      lines.add(String.format(Locale.ROOT, "%-9s %-8s %11.3fs %10.1fms %14d %6d %8.0fus %8.0fus %12.2f",
          s.method(), s.outcome(), s.migrationTimeMs() / 1000, s.downtimeMs(), s.bytesCopied(), s.passes(),
          s.guestWriteLatencyP50Us(), s.guestWriteLatencyP99Us(), s.guestWriteThroughputMBps()));
    }
    return lines;
  }
}
