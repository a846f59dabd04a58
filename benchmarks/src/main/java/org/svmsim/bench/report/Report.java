package org.svmsim.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders a JMH result file as {@code results.md} (every benchmark with its ratio to its baseline) and
 * {@code ratios.png} (a bar chart of those ratios). Every ratio reads one way: the benchmark's speed
 * relative to its baseline's, 1 being the baseline and higher faster (a write path at 0.5 costs twice a
 * plain write). Baselines: {@code writepath.plain} (same threads), {@code copy.arraycopy} (same disk size)
 * for the copies and the migrations, the bare priority-queue loop for the event loop, and the target of
 * 10,000 simulated seconds per wall second for the scenarios.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.svmsim.bench.report.Report DIR [PART.json...]</pre>
 * merges the parts (JMH result files) into {@code DIR/jmh-result.json}, then reads it and, when present,
 * {@code DIR/machine.txt} (quoted at the top). {@code ./svmsim bench} runs it.
 */
public final class Report {
  static final double SIM_SECONDS_TARGET = 10_000;
  static final double FOOTPRINT_TARGET = 40;

  /** One line of JMH's JSON: the benchmark's class and method, its parameters and its metrics. */
  record Result(String group, String name, Map<String, String> params, double score, double error, String unit,
      Map<String, Double> secondary) {
    String key(String otherName, String... ignored) {
      Map<String, String> p = new TreeMap<>(params);
      for (String i : ignored) {
        p.remove(i);
      }
      return group + "." + otherName + p;
    }

    String label() {
      StringBuilder b = new StringBuilder(group + "." + name);
      params.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
      return b.toString();
    }
  }

  /** A rendered row: what it is, its figure in words, its baseline and the speed ratio (NaN: none). */
  record Row(String section, Result result, String figure, String baseline, double ratio) {}

  private Report() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Report DIR [PART.json...]   (merges the parts into DIR/jmh-result.json, then"
          + " reads it and writes DIR/results.md and DIR/ratios.png)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    if (args.length > 1) {
      ObjectMapper json = org.svmsim.scenario.Mappers.json();
      com.fasterxml.jackson.databind.node.ArrayNode all = json.createArrayNode();
      for (int i = 1; i < args.length; i++) {
        json.readTree(Path.of(args[i]).toFile()).forEach(all::add);
      }
      json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("jmh-result.json").toFile(), all);
    }
    List<Row> rows = rows(read(dir.resolve("jmh-result.json")));
    Path machine = dir.resolve("machine.txt");
    String header = Files.exists(machine) ? Files.readString(machine, StandardCharsets.UTF_8) : "";
    Files.writeString(dir.resolve("results.md"), markdown(rows, header), StandardCharsets.UTF_8);
    chart(rows, dir.resolve("ratios.png"));
    System.out.println("wrote " + dir.resolve("results.md") + " and " + dir.resolve("ratios.png"));
  }

  static List<Result> read(Path json) throws IOException {
    List<Result> out = new ArrayList<>();
    for (JsonNode n : org.svmsim.scenario.Mappers.json().readTree(json.toFile())) {
      String full = n.get("benchmark").asText();
      int m = full.lastIndexOf('.');
      String cls = full.substring(0, m);
      String group = cls.substring(cls.lastIndexOf('.', cls.lastIndexOf('.') - 1) + 1)
          .replace("Benchmark", "");
      Map<String, String> params = new TreeMap<>();
      JsonNode p = n.get("params");
      if (p != null) {
        p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode pm = n.get("primaryMetric");
      Map<String, Double> secondary = new TreeMap<>();
      JsonNode sm = n.get("secondaryMetrics");
      // A single-shot benchmark's event counters add up over its iterations: per iteration, they read per run.
      double per = "ss".equals(n.path("mode").asText()) ? Math.max(1, n.path("measurementIterations").asInt(1)) : 1;
      if (sm != null) {
        sm.fields().forEachRemaining(e -> secondary.put(e.getKey(), e.getValue().get("score").asDouble() / per));
      }
      out.add(new Result(group, full.substring(m + 1), params, pm.get("score").asDouble(),
          pm.get("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(), secondary));
    }
    return out;
  }

  private static final List<String> SECTIONS =
      List.of("writepath", "copy", "migration", "engine", "storage", "other");

  static List<Row> rows(List<Result> results) {
    List<Row> rows = unordered(results);
    rows.sort(java.util.Comparator.comparingInt(r -> SECTIONS.indexOf(r.section())));
    return rows;
  }

  private static List<Row> unordered(List<Result> results) {
    Map<String, Result> byKey = new TreeMap<>();
    for (Result r : results) {
      byKey.put(r.key(r.name()), r);
    }
    List<Row> rows = new ArrayList<>();
    for (Result r : results) {
      switch (r.group()) {
        case "writepath.WritePath" -> writePath(r, byKey, rows);
        case "copy.PlainCopy" -> {
          Optional<Result> base = Optional.ofNullable(byKey.get(r.key("arraycopy")));
          double gbs = Integer.parseInt(r.params().get("diskMiB")) * 1048576.0 / (r.score() / 1e3) / 1e9;
          rows.add(new Row("copy", r, String.format(Locale.ROOT, "%.2f GB/s", gbs),
              r.name().equals("arraycopy") ? "(baseline)" : base.map(Result::label).orElse(""),
              base.map(b -> b.score() / r.score()).orElse(Double.NaN)));
        }
        case "engine.EventLoop" -> {
          double events = r.secondary().getOrDefault("events", Double.NaN);
          Optional<Result> base = Optional.ofNullable(byKey.get(r.key("priorityQueue")));
          rows.add(new Row("engine", r, String.format(Locale.ROOT, "%,.0f events/s", events),
              r.name().equals("priorityQueue") ? "(baseline)" : base.map(Result::label).orElse(""),
              base.map(b -> events / b.secondary().getOrDefault("events", Double.NaN)).orElse(Double.NaN)));
        }
        case "engine.ScenarioSpeed" -> {
          double wallSeconds = r.score() / 1e3;
          double simPerWall = r.secondary().getOrDefault("simulatedSeconds", Double.NaN) / wallSeconds;
          double eventsPerSecond = r.secondary().getOrDefault("events", Double.NaN) / wallSeconds;
          double cpuSeconds = r.secondary().getOrDefault("cpuMillis", Double.NaN) / 1e3;
          rows.add(new Row("engine", r, String.format(Locale.ROOT,
              "%,.0f simulated s per wall s, %,.0f events/s; per CPU s of the run's thread: %,.0f simulated s,"
                  + " %,.0f events", simPerWall, eventsPerSecond,
              r.secondary().getOrDefault("simulatedSeconds", Double.NaN) / cpuSeconds,
              r.secondary().getOrDefault("events", Double.NaN) / cpuSeconds),
              "target 10,000 simulated s/s", simPerWall / SIM_SECONDS_TARGET));
        }
        case "engine.Footprint" -> {
          Map<String, Double> m = r.secondary();
          double worst = Math.max(m.getOrDefault("sourceBytesPerExtent", Double.NaN), Math.max(
              m.getOrDefault("destinationBytesPerExtent", Double.NaN), m.getOrDefault("auditBytesPerExtent", Double.NaN)));
          rows.add(new Row("engine", r, String.format(Locale.ROOT,
              "bytes per distinct extent: source %.1f, destination %.1f, lost-write oracle %.1f (heap: %.1f a map);"
                  + " %.2f runs an extent", m.getOrDefault("sourceBytesPerExtent", Double.NaN),
              m.getOrDefault("destinationBytesPerExtent", Double.NaN), m.getOrDefault("auditBytesPerExtent", Double.NaN),
              m.getOrDefault("heapBytesPerExtentPerMap", Double.NaN), m.getOrDefault("runsPerExtent", Double.NaN)),
              "target 40 bytes per extent a map", FOOTPRINT_TARGET / worst));
        }
        case "migration.Migration" -> migrationRow(r, byKey, rows);
        case "storage.StoreCopy" -> {
          Optional<Result> base = Optional.ofNullable(byKey.get(r.key("arraycopy")));
          rows.add(new Row("storage", r, String.format(Locale.ROOT, "%,.0f chunks/s", r.score()),
              r.name().equals("arraycopy") ? "(baseline)" : base.map(Result::label).orElse(""),
              base.map(b -> r.score() / b.score()).orElse(Double.NaN)));
        }
        case "storage.ExtentMap" -> {
          if (r.name().equals("footprint")) {
            rows.add(new Row("storage", r, String.format(Locale.ROOT, "%.0f bytes per extent, %,.0f runs",
                r.secondary().getOrDefault("bytesPerExtent", Double.NaN), r.secondary().getOrDefault("runs",
                    Double.NaN)), "target 40 bytes per extent",
                40 / r.secondary().getOrDefault("bytesPerExtent", Double.NaN)));
          } else {
            Map<String, String> p = new TreeMap<>(r.params());
            p.put("kind", "TREEMAP");
            Optional<Result> base = Optional.ofNullable(byKey.get(r.group() + "." + r.name() + p));
            rows.add(new Row("storage", r, String.format(Locale.ROOT, "%,.0f ops/s", r.score()),
                "TREEMAP".equals(r.params().get("kind")) ? "(baseline)" : base.map(Result::label).orElse(""),
                base.map(b -> r.score() / b.score()).orElse(Double.NaN)));
          }
        }
        default -> rows.add(new Row("other", r, "", "", Double.NaN));
      }
    }
    return rows;
  }

  /**
   * A migration against the plain copy of the same disk size: {@code arraycopy} for memory,
   * {@code transferTo} for a file (the copy benchmarks' own {@code store} parameter does not change those two).
   */
  private static void migrationRow(Result r, Map<String, Result> byKey, List<Row> rows) {
    String copy = "FILE".equals(r.params().get("store")) ? "transferTo" : "arraycopy";
    Map<String, String> p = new TreeMap<>();
    p.put("diskMiB", r.params().get("diskMiB"));
    p.put("store", "MEMORY");
    Optional<Result> base = Optional.ofNullable(byKey.get("copy.PlainCopy." + copy + p));
    Map<String, Double> s = r.secondary();
    rows.add(new Row("migration", r, String.format(Locale.ROOT,
        "%.0f MiB copied in %.0f pass(es), downtime %.2f ms, %,.0f guest writes (%,.0f/s), write p50/p99/p99.9 "
            + "%.1f/%.1f/%.1f us from intended start, service %.1f/%.1f/%.1f us%s",
        s.getOrDefault("copiedMiB", 0.0), s.getOrDefault("passes", 0.0), s.getOrDefault("downtimeMs", 0.0),
        s.getOrDefault("guestWrites", 0.0), s.getOrDefault("guestRate", 0.0), s.getOrDefault("writeP50us", 0.0),
        s.getOrDefault("writeP99us", 0.0), s.getOrDefault("writeP999us", 0.0), s.getOrDefault("serviceP50us", 0.0),
        s.getOrDefault("serviceP99us", 0.0), s.getOrDefault("serviceP999us", 0.0),
        s.getOrDefault("notConverged", 0.0) > 0 ? ", DID NOT CONVERGE" : ""),
        base.map(Result::label).orElse("(copy." + copy + " diskMiB=" + p.get("diskMiB") + " not run)"),
        base.map(b -> b.score() / r.score()).orElse(Double.NaN)));
  }

  private static void writePath(Result r, Map<String, Result> byKey, List<Row> rows) {
    if (r.name().equals("mirrorCopying")) { // a group: its two threads' scores are the secondary metrics
      double write = r.secondary().getOrDefault("write", Double.NaN);
      Result w = new Result(r.group(), "mirrorCopying:write", r.params(), write, Double.NaN, r.unit(), Map.of());
      versusPlain(w, byKey.get(r.key("plain")), rows);
      double chunk = r.secondary().getOrDefault("copy", Double.NaN);
      Result c = new Result(r.group(), "mirrorCopying:copy", r.params(), chunk, Double.NaN, r.unit(), Map.of());
      rows.add(new Row("writepath", c, "ns per copier step (a 1 MiB chunk, or a wait for a new pass)", "",
          Double.NaN));
      return;
    }
    if (r.name().equals("plain") || r.name().equals("plain2")) {
      rows.add(new Row("writepath", r, String.format(Locale.ROOT, "%.0f ns per write", r.score()), "(baseline)",
          1.0));
      return;
    }
    versusPlain(r, byKey.get(r.key(r.name().endsWith("2") ? "plain2" : "plain")), rows);
  }

  private static void versusPlain(Result r, Result base, List<Row> rows) {
    if (base == null) {
      rows.add(new Row("writepath", r, String.format(Locale.ROOT, "%.0f ns per write", r.score()), "", Double.NaN));
      return;
    }
    rows.add(new Row("writepath", r, String.format(Locale.ROOT, "%.0f ns per write: %.2fx the plain write, %+.0f ns",
        r.score(), r.score() / base.score(), r.score() - base.score()), base.label(), base.score() / r.score()));
  }

  static String markdown(List<Row> rows, String header) {
    StringBuilder b = new StringBuilder("# svmsim benchmark results\n\n");
    if (!header.isBlank()) {
      b.append("```\n").append(header.strip()).append("\n```\n\n");
    }
    b.append("Ratio: the benchmark's speed relative to its baseline (1 = the baseline, higher is faster; a write ")
        .append("path at 0.50 costs twice a plain write). Chart: `ratios.png`.\n");
    String section = "";
    for (Row r : rows) {
      if (!r.section().equals(section)) {
        section = r.section();
        b.append("\n## ").append(section).append("\n\n| benchmark | score | what it means | baseline | ratio |\n")
            .append("| --- | ---: | --- | --- | ---: |\n");
      }
      Result x = r.result();
      b.append("| ").append(x.label()).append(" | ")
          .append(String.format(Locale.ROOT, "%,.3f %s", x.score(), x.unit()))
          .append(Double.isNaN(x.error()) ? "" : String.format(Locale.ROOT, " ± %,.3f", x.error()))
          .append(" | ").append(r.figure()).append(" | ").append(r.baseline()).append(" | ")
          .append(Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio())).append(" |\n");
    }
    return b.toString();
  }

  /** The label without the parameters every result of its group shares: what tells the bars apart. */
  static String shortLabel(Result r, List<Row> rows) {
    StringBuilder b = new StringBuilder(r.group().replaceFirst("\\..*", "") + " " + r.name());
    r.params().forEach((k, v) -> {
      boolean varies = rows.stream().map(Row::result).filter(o -> o.group().equals(r.group()))
          .anyMatch(o -> !v.equals(o.params().get(k)));
      if (varies) {
        b.append(' ').append(k).append('=').append(v);
      }
    });
    return b.toString();
  }

  static void chart(List<Row> rows, Path png) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Row r : rows) {
      if (!Double.isNaN(r.ratio()) && !r.baseline().equals("(baseline)")) {
        data.addValue(r.ratio(), "ratio", shortLabel(r.result(), rows));
      }
    }
    JFreeChart chart = ChartFactory.createBarChart("svmsim: speed relative to each baseline (1 = baseline)",
        null, "ratio (higher is faster)", data, PlotOrientation.HORIZONTAL, false, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ValueMarker one = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f));
    plot.addRangeMarker(one);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setItemMargin(0);
    renderer.setShadowVisible(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    renderer.setSeriesPaint(0, new Color(0x3b6ea5));
    renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
        new java.text.DecimalFormat("0.000")));
    renderer.setDefaultItemLabelsVisible(true);
    int height = 160 + 22 * Math.max(1, data.getColumnCount());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1400, height);
  }
}
