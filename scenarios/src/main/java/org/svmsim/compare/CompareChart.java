package org.svmsim.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** compare's PNG: the three methods over time, one panel each for copy progress, pending data, latency. */
final class CompareChart {
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

  private CompareChart() {}

  static void write(Path png, String title, Map<String, MethodTimeline> runs) throws IOException {
    System.setProperty("java.awt.headless", "true");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the relocate began"));
    plot.setGap(12);
    plot.add(panel("copied (MiB)", runs, MethodTimeline::copied, true), 1);
    plot.add(panel("still to copy (MiB)", runs, MethodTimeline::pending, false), 1);
    plot.add(panel("guest write p99 (ms)", runs, MethodTimeline::latency, false), 1);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 900);
  }

  private static XYPlot panel(String label, Map<String, MethodTimeline> runs,
      Function<MethodTimeline, List<MethodTimeline.Point>> curve, boolean inLegend) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setDefaultSeriesVisibleInLegend(inLegend); // one legend for the three panels
    int i = 0;
    for (Map.Entry<String, MethodTimeline> run : runs.entrySet()) {
      XYSeries s = new XYSeries(run.getKey(), false, true);
      List<MethodTimeline.Point> points = curve.apply(run.getValue());
      // A long run has a point per chunk: a few thousand per curve are enough to draw it.
      int step = Math.max(1, points.size() / 4000);
      for (int k = 0; k < points.size(); k += step) {
        s.add(points.get(k).seconds(), points.get(k).value());
      }
      data.addSeries(s);
      lines.setSeriesPaint(i, COLORS[i % COLORS.length]);
      lines.setSeriesStroke(i, new BasicStroke(1.6f));
      i++;
    }
    XYPlot p = new XYPlot(data, null, new NumberAxis(label), lines);
    p.setBackgroundPaint(Color.WHITE);
    p.setRangeGridlinePaint(Color.LIGHT_GRAY);
    p.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return p;
  }
}
