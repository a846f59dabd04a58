package org.svmsim.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SortedMap;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.report.ReportFile;
import org.svmsim.report.RunReport;

/** Renders the logs again from a run's recorded events alone, through the same renderers. */
public final class Replayer {
  private Replayer() {}

  /**
   * Reads {@code eventsJsonl} and writes the log tree and report.html under {@code out}; returns the
   * number of events.
   */
  public static long replay(Path eventsJsonl, Path out) {
    try {
      RunReport report = new RunReport();
      List<LogRenderer> renderers = Renderers.all();
      long n = render(eventsJsonl, renderers, report);
      SortedMap<String, String> logs = Simulation.collect(renderers);
      OutputTree.writeLogs(out, logs);
      ReportFile.write(out.resolve(ReportFile.NAME), report, logs);
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes only the report of {@code eventsJsonl}'s run, to {@code file}; returns the number of events. */
  public static long report(Path eventsJsonl, Path file) {
    try {
      RunReport report = new RunReport();
      List<LogRenderer> renderers = Renderers.all();
      long n = render(eventsJsonl, renderers, report);
      ReportFile.write(file, report, Simulation.collect(renderers));
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Feeds every event of the file to the renderers, then to {@code watcher}. */
  private static long render(Path eventsJsonl, List<LogRenderer> renderers, Observer watcher) throws IOException {
    EventJson json = new EventJson();
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(eventsJsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        EventJson.Timed e;
        try {
          e = json.read(line);
        } catch (IOException | IllegalArgumentException ex) {
          throw new BadEventsFileException(eventsJsonl + ": line " + n + ": " + reason(ex), ex);
        }
        try {
          for (LogRenderer r : renderers) {
            r.onEvent(e.timeNanos(), e.event());
          }
          watcher.onEvent(e.timeNanos(), e.event());
        } catch (RuntimeException ex) {
          // Events that no run could have produced (a line dropped, a field edited) break a renderer.
          throw new BadEventsFileException(eventsJsonl + ": line " + n + ": " + reason(ex), ex);
        }
      }
    }
    return n;
  }

  private static String reason(Exception ex) {
    if (ex instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException t) {
      return "unknown event type '" + t.getTypeId() + "'";
    }
    if (ex instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      return j.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
    String m = ex.getMessage();
    return m == null ? "unreadable" : m.lines().findFirst().orElse(m);
  }
}
