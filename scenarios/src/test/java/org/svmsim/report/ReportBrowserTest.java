package org.svmsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.svmsim.cli.Main;
import org.svmsim.run.Replayer;

/**
 * The report as a user sees it: report.html of real runs opened from disk in headless chromium. The
 * screenshots go to target/report-screenshots. Skipped, saying why, only where no browser is installed.
 * The two big reports (big-disk, a million log lines) take a minute or more, so they run when
 * {@code -Dsvmsim.bigReports=true} asks, as .ci/run does:
 * {@code mvn -B -pl scenarios -am test -Dtest=ReportBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dsvmsim.bigReports=true}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
  static final Path SHOTS = Path.of("target", "report-screenshots");

  @TempDir
  static Path tmp;
  Browser browser;
  Path seed;

  @BeforeAll
  void start() {
    String missing = Browser.missing();
    Assumptions.assumeTrue(missing == null, missing);
    seed = run("seed");
    browser = new Browser(tmp.resolve("profile"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noErrors() {
    assertEquals(List.of(), browser.consoleErrors(), "console errors");
    assertEquals(List.of(), browser.js("return svmReport.errors"), "errors the page caught");
  }

  private Path run(String scenario, String... options) {
    Path out = tmp.resolve(scenario + String.join("", options));
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("run", scenario, "--out", out.toString()));
    args.addAll(List.of(options));
    int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
    return out;
  }

  @Test
  void theTimelineShowsEachComponentTheMirrorDeviceAndTheStun() throws IOException {
    browser.open(seed.resolve("report.html"));
    browser.screenshot(SHOTS.resolve("seed-overview.png"));
    browser.screenshot("#timeline-section", SHOTS.resolve("tour-seed-timeline.png"));
    List<WebElement> lanes = browser.driver.findElements(By.cssSelector("#timeline .lane-name"));
    assertEquals(List.of("vpxa", "hostd", "VMX", "vmkernel"), lanes.stream().map(WebElement::getText).toList());
    String mirror = browser.driver.findElement(By.cssSelector("[data-lane=vmkernel] .k-mirror")).getAttribute("title");
    assertTrue(mirror.startsWith("10a80a6-819390-svmmirror\n12:59:29.720 to 13:27:20.6"), mirror);
    assertEquals(4, browser.driver.findElements(By.cssSelector("[data-lane=vmkernel] .mark.k-probe")).size());
    assertEquals(11, browser.driver.findElements(By.cssSelector("[data-lane=VMX] .k-phase")).size());
    assertEquals(6, browser.driver.findElements(By.cssSelector("[data-lane=vpxa] .k-step")).size());
    String stun = browser.driver.findElement(By.cssSelector("[data-lane=VMX] .span.k-stun")).getAttribute("title");
    assertTrue(stun.startsWith("W1_2 stopped for 167854 us"), stun);
    // Zoomed on the switchover: the stun, then the phases and steps that close the relocate.
    browser.js("const s = svmReport.data.runs[0].spans.find(s => s[1] === 'stun'), t0 = svmReport.data.runs[0]"
        + ".startEpochMillis; svmReport.zoom((t0 + s[3]) / 1000 - 0.4, (t0 + s[4]) / 1000 + 0.4)");
    browser.screenshot("#timeline-section", SHOTS.resolve("tour-seed-switchover.png"));
    List<?> view = (List<?>) browser.js("return svmReport.view()");
    double width = ((Number) view.get(1)).doubleValue() - ((Number) view.get(0)).doubleValue();
    assertEquals(0.968, width, 0.01, "the zoomed view spans the stun and 0.4 s each side");
  }

  @Test
  void everyChartDrawsItsSeries() {
    browser.open(seed.resolve("report.html"));
    List<?> charts = (List<?>) browser.js("return [...document.querySelectorAll('#charts .chart')]"
        + ".map(c => c.dataset.chart)");
    assertEquals(List.of("progress", "latency", "io", "bandwidth"), charts);
    // Pixels in colour (grid and axes are grey): each chart has drawn lines of its series.
    List<?> coloured = (List<?>) browser.js("return [...document.querySelectorAll('#charts canvas')].map(c => {"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + " for (let i = 0; i < d.length; i += 4) { const hi = Math.max(d[i], d[i+1], d[i+2]),"
        + " lo = Math.min(d[i], d[i+1], d[i+2]); if (d[i+3] > 0 && hi - lo > 80) n++; } return n; })");
    assertEquals(4, coloured.size());
    for (Object n : coloured) {
      assertTrue(((Number) n).longValue() > 200, "coloured pixels per chart: " + coloured);
    }
  }

  @Test
  void theLogViewHoldsEveryLineOfTheRunsLogsInTimeOrder() throws IOException {
    browser.open(seed.resolve("report.html"));
    List<String> expected = logLines(seed);
    List<?> shown = (List<?>) browser.js("return svmReport.lines(0)");
    assertEquals(sorted(expected), sorted(shown), "the report's lines are the logs' lines");
    List<?> times = (List<?>) browser.js("return svmReport.visibleTimes()");
    for (int i = 1; i < times.size(); i++) {
      assertTrue(((Number) times.get(i)).doubleValue() >= ((Number) times.get(i - 1)).doubleValue(), "line " + i);
    }
    assertEquals(expected.size() + " of " + expected.size() + " lines",
        browser.driver.findElement(By.id("log-count")).getText());
    assertFalse(browser.driver.findElements(By.cssSelector("#log-rows .line")).isEmpty());
  }

  @Test
  void filtersByComponentPhaseAndText() throws IOException {
    browser.open(seed.resolve("report.html"));
    long total = logLines(seed).size();
    long kernel = Files.readAllLines(seed.resolve("var/log/vmkernel.log")).stream().filter(l -> !l.isEmpty()).count();
    browser.driver.findElement(By.cssSelector("#log-components input[data-component=vmkernel]")).click();
    assertEquals(total - kernel, ((Number) browser.js("return svmReport.visibleCount()")).longValue());
    assertTrue(browser.driver.findElements(By.cssSelector("#log-rows .c-vmkernel")).isEmpty());
    browser.driver.findElement(By.cssSelector("#log-components input[data-component=vmkernel]")).click();

    // The copy (relocate step 4) holds the four probe bursts: 3 Busy lines each.
    Select phase = new Select(browser.driver.findElement(By.id("log-phase")));
    String step4 = phase.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith("step 4"))
        .findFirst().orElseThrow();
    phase.selectByVisibleText(step4);
    long inStep = ((Number) browser.js("return svmReport.visibleCount()")).longValue();
    assertTrue(inStep > 12 && inStep < total, inStep + " of " + total);
    browser.driver.findElement(By.id("log-search")).sendKeys("busy");
    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(d -> ((Number) browser.js("return svmReport.visibleCount()")).longValue() == 12);
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#log-rows .line"));
    assertEquals(12, rows.size());
    // Each line ends its text, then explain's note on it.
    rows.forEach(r -> {
      String note = r.findElement(By.cssSelector(".n")).getText();
      assertTrue(note.startsWith("VOL3_") && r.getText().replace(note, "").trim().endsWith(": Busy"), r.getText());
    });
    browser.js("document.getElementById('logs-section').scrollIntoView()");
    browser.screenshot(SHOTS.resolve("seed-logs-filtered.png"));
    browser.screenshot("#logs-section", SHOTS.resolve("tour-seed-logs.png"));
  }

  @Test
  void clickingALineMarksItsMomentOnTheTimeline() {
    browser.open(seed.resolve("report.html"));
    browser.driver.findElement(By.id("log-search")).sendKeys("Enter Phase 8");
    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(d -> ((Number) browser.js("return svmReport.visibleCount()")).longValue() == 1);
    browser.driver.findElement(By.cssSelector("#log-rows .line")).click();
    double moment = ((Number) browser.js("return svmReport.moment()")).doubleValue();
    // 2016-05-19T12:59:29.723Z, as the line says
    assertEquals(1463662769.723, moment, 0.0005);
    assertFalse(browser.driver.findElements(By.cssSelector(".overlay.cursor:not([hidden])")).isEmpty());
  }

  private static void big() {
    Assumptions.assumeTrue(Boolean.getBoolean("svmsim.bigReports"),
        "the big reports' browser tests run with -Dsvmsim.bigReports=true (as .ci/run does)");
  }

  @Test
  void theBigDiskReportDrawsInUnderThreeSeconds() throws IOException {
    big();
    Path big = run("big-disk");
    browser.open(big.resolve("report.html"));
    double ms = ((Number) browser.js("return svmReport.renderMs")).doubleValue();
    System.out.printf("big-disk report: %d bytes, first render %.0f ms%n", Files.size(big.resolve("report.html")), ms);
    browser.screenshot(SHOTS.resolve("big-disk-overview.png"));
    browser.screenshot("#charts-section", SHOTS.resolve("tour-big-disk-charts.png"));
    assertTrue(ms < 3000, "first render took " + ms + " ms");
    assertEquals((long) logLines(big).size(), ((Number) browser.js("return svmReport.lineCount(0)")).longValue());
  }

  @Test
  void aMillionLogLinesLoadScrollAndFilter() throws IOException {
    big();
    Map<String, Object> data = new LinkedHashMap<>(Replayer.reportData(seed.resolve("events.jsonl")));
    SortedMap<String, String> logs = new TreeMap<>();
    StringBuilder big = new StringBuilder();
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      long ms = 1463661660000L + i * 3L;   // 12:41:00 on, 3 ms apart
      big.append(java.time.Instant.ofEpochMilli(ms)).append(" cpu").append(i % 24)
          .append(":34821)ScsiDeviceIO: 3435: synthetic line ").append(i).append(" of a long vmkernel.log\n");
    }
    logs.put("var/log/vmkernel.log", big.toString());
    data.put("logs", LogLines.toJson(logs, ((Number) data.get("startEpochMillis")).longValue()));
    Path page = tmp.resolve("million.html");
    Files.writeString(page, ReportPage.html("a million lines", List.of(data), List.of()));
    browser.open(page);
    double ms = ((Number) browser.js("return svmReport.renderMs")).doubleValue();
    System.out.printf("1,000,000 log lines: %d bytes, first render %.0f ms %s%n", Files.size(page), ms,
        browser.js("return JSON.stringify(svmReport.timings)"));
    assertEquals((long) n, ((Number) browser.js("return svmReport.lineCount(0)")).longValue());
    assertTrue(browser.driver.findElements(By.cssSelector("#log-rows .line")).size() < 200,
        "only the rows in view are in the page");
    browser.js("const v = document.getElementById('log-view'); v.scrollTop = v.scrollHeight;"
        + " v.dispatchEvent(new Event('scroll'))");
    new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> {
      List<WebElement> rows = browser.driver.findElements(By.cssSelector("#log-rows .line"));
      return !rows.isEmpty() && rows.get(rows.size() - 1).getText().contains("synthetic line 999999 ");
    });
    browser.driver.findElement(By.id("log-search")).sendKeys("line 424242 ");
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> ((Number) browser.js("return svmReport.visibleCount()")).longValue() == 1);
    browser.js("document.getElementById('logs-section').scrollIntoView()");
    browser.screenshot(SHOTS.resolve("million-lines.png"));
  }

  @Test
  void quickShowsTheGuestFeelingTheCopy() throws IOException {
    Path quick = run("quick");
    browser.open(quick.resolve("report.html"));
    browser.screenshot("#charts-section", SHOTS.resolve("tour-quick-charts.png"));
    browser.screenshot("#timeline-section", SHOTS.resolve("tour-quick-timeline.png"));
    // While the copy runs the guest's writes wait behind it: the p50 of the copy is above the one before.
    List<?> p50 = (List<?>) browser.js("return svmReport.data.runs[0].series.p50Ms");
    List<?> pct = (List<?>) browser.js("return svmReport.data.runs[0].series.copiedPct");
    double before = 0;
    double during = 0;
    for (int i = 0; i < p50.size(); i++) {
      if (p50.get(i) == null) {
        continue;
      }
      double v = ((Number) p50.get(i)).doubleValue();
      Object c = pct.get(i);
      if (c == null) {
        before = Math.max(before, v);
      } else if (((Number) c).doubleValue() < 100) {
        during = Math.max(during, v);
      }
    }
    assertTrue(during > 2 * before, "write p50 before the copy " + before + " ms, during " + during + " ms");
  }

  @Test
  void aComparisonShowsTheMethodsSideBySideOnOneAxisWithTheTable() throws IOException {
    Path mirror = run("quick", "--method", "mirror");
    Path dbt = run("quick", "--method", "dbt");
    List<Map<String, Object>> runs = new ArrayList<>();
    List<Map<String, Object>> table = new ArrayList<>();
    for (Path dir : List.of(mirror, dbt)) {
      Map<String, Object> data = Replayer.reportData(dir.resolve("events.jsonl"));
      runs.add(data);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", data.get("method"));
      row.put("downtime ms", data.get("downtimeMs"));
      table.add(row);
    }
    Path page = tmp.resolve("compare.html");
    ReportFile.writeComparison(page, "svmsim compare: quick", runs, table);
    browser.open(page);
    browser.screenshot(SHOTS.resolve("compare-overview.png"));
    List<WebElement> titles = browser.driver.findElements(By.cssSelector("#timeline .run-title"));
    assertEquals(2, titles.size());
    assertTrue(titles.get(0).getText().startsWith("mirror") && titles.get(1).getText().startsWith("dbt"));
    assertEquals(8, browser.driver.findElements(By.cssSelector("#timeline .lane")).size());
    assertEquals(3, browser.driver.findElements(By.cssSelector("#compare tr")).size());
    assertEquals("dbt", browser.driver.findElement(By.cssSelector("#compare tr:nth-child(3) td")).getText());
    // One axis: each chart holds both runs' series.
    List<?> labels = (List<?>) browser.js("return [...document.querySelectorAll('[data-chart=latency] .u-legend"
        + " .u-series .u-label')].map(e => e.textContent)");
    assertTrue(labels.contains("mirror: write p50 (ms)") && labels.contains("dbt: write p50 (ms)"), labels.toString());
    // The logs of each run, one at a time.
    assertEquals((long) logLines(dbt).size(), ((Number) browser.js("return svmReport.lineCount(1)")).longValue());
    new Select(browser.driver.findElement(By.id("log-run"))).selectByIndex(1);
    assertEquals((long) logLines(dbt).size(), ((Number) browser.js("return svmReport.visibleCount()")).longValue());
  }

  @Test
  void eachLineCarriesItsNote() throws IOException {
    Map<String, Object> data = new LinkedHashMap<>(Replayer.reportData(seed.resolve("events.jsonl")));
    LogLines.Notes notes = (file, lineNo, line) -> line.endsWith(": Busy") ? "the VMX holds the device open" : null;
    data.put("logs", LogLines.toJson(logs(seed), ((Number) data.get("startEpochMillis")).longValue(), notes));
    Path page = tmp.resolve("notes.html");
    Files.writeString(page, ReportPage.html("notes", List.of(data), List.of()));
    browser.open(page);
    browser.driver.findElement(By.id("log-search")).sendKeys("for probing");
    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(d -> ((Number) browser.js("return svmReport.visibleCount()")).longValue() == 4);
    WebElement row = browser.driver.findElement(By.cssSelector("#log-rows .line"));
    assertEquals("the VMX holds the device open", row.findElement(By.cssSelector(".n")).getText());
    assertEquals("the VMX holds the device open", row.getAttribute("title"));
    browser.driver.findElement(By.id("log-search")).clear();
    browser.driver.findElement(By.id("log-search")).sendKeys("Enter Phase 8");
    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(d -> ((Number) browser.js("return svmReport.visibleCount()")).longValue() == 1);
    assertTrue(browser.driver.findElements(By.cssSelector("#log-rows .line .n")).isEmpty());
  }

  /** The run's log files by path relative to its directory. */
  private static SortedMap<String, String> logs(Path run) throws IOException {
    SortedMap<String, String> all = new TreeMap<>();
    try (var files = Files.walk(run)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        all.put(run.relativize(p).toString(), Files.readString(p));
      }
    }
    return all;
  }

  /** Every non-empty line of the run's log files. */
  private static List<String> logLines(Path run) throws IOException {
    List<String> all = new ArrayList<>();
    try (var files = Files.walk(run)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).forEach(all::add);
      }
    }
    return all;
  }

  private static List<String> sorted(List<?> lines) {
    return lines.stream().map(String::valueOf).sorted().toList();
  }
}
