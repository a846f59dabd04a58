package org.svmsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.svmsim.scenario.BundledScenarios;
import org.svmsim.scenario.Overrides;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.ScenarioLoader;

/**
 * Writes {@code report.html}: of one run, from its {@link RunReport} and its rendered logs; or of a
 * comparison, the runs side by side on one time axis above the comparison's table.
 */
public final class ReportFile {
  public static final String NAME = "report.html";

  private ReportFile() {}

  /** Writes {@code file}; the caller decides where (a run's staging directory, or a checked path). */
  public static void write(Path file, RunReport run, SortedMap<String, String> logs) throws IOException {
    Map<String, Object> data = json(run, logs);
    String title = "svmsim report: " + data.get("scenario") + " (" + data.get("method") + ", seed "
        + data.get("seed") + ")";
    Files.writeString(file, ReportPage.html(title, List.of(data), List.of()), StandardCharsets.UTF_8);
  }

  /**
   * Writes the report of a comparison: {@code runs} are {@link #json} of each run, in the table's order;
   * each row of {@code table} is one run's figures by column name, in column order.
   */
  public static void writeComparison(Path file, String title, List<Map<String, Object>> runs,
      List<Map<String, Object>> table) throws IOException {
    Files.writeString(file, ReportPage.html(title, runs, table), StandardCharsets.UTF_8);
  }

  /**
   * One run's data. The events do not carry the scenario's text, so the description and the lesson are
   * those of the bundled scenario of the run's name, if there is one: a run and a replay of its events
   * show the same.
   */
  public static Map<String, Object> json(RunReport run, SortedMap<String, String> logs) {
    String name = run.scenario();
    Scenario bundled = BundledScenarios.names().contains(name) ? ScenarioLoader.load(name, Overrides.none()) : null;
    return run.toJson(logs, bundled == null ? "" : bundled.description(), bundled == null ? "" : bundled.lesson());
  }

  /** Whether {@code file} is a report svmsim wrote (and so may replace). */
  public static boolean ours(Path file) throws IOException {
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      char[] head = new char[512];
      int n = in.read(head);
      return n > 0 && new String(head, 0, n).contains(ReportPage.GENERATOR);
    }
  }
}
