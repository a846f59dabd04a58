package org.svmsim.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.svmsim.kernel.log.LogRenderer;
import org.svmsim.kernel.sim.Observer;
import org.svmsim.report.ReportFile;
import org.svmsim.report.RunReport;

/** Renders the logs again from a run's recorded events alone, through the same renderers. */
public final class Replayer {
  private Replayer() {}

  /** What a replay read: the recorded run's header and its number of events. */
  public record Replayed(EventsHeader header, long events) {}

  /**
   * Reads {@code eventsFile}, checking every line ({@link EventsReader}), and writes the log tree and
   * report.html under {@code out}. A file svmsim did not write, or not whole, is a
   * {@link BadEventsFileException}.
   */
  public static Replayed replay(Path eventsFile, Path out) {
    try {
      RunReport report = new RunReport();
      List<LogRenderer> renderers = Renderers.all();
      Replayed r = render(eventsFile, renderers, report);
      SortedMap<String, String> logs = Simulation.collect(renderers);
      OutputTree.writeLogs(out, logs);
      ReportFile.write(out.resolve(ReportFile.NAME), report, logs);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes only the report of {@code eventsFile}'s run, to {@code file}; returns the number of events. */
  public static long report(Path eventsFile, Path file) {
    try {
      RunReport report = new RunReport();
      List<LogRenderer> renderers = Renderers.all();
      Replayed r = render(eventsFile, renderers, report);
      ReportFile.write(file, report, Simulation.collect(renderers));
      return r.events();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The report's data of {@code eventsFile}'s run ({@link ReportFile#json}), for a page of several runs:
   * {@link ReportFile#writeComparison}.
   */
  public static Map<String, Object> reportData(Path eventsFile) {
    try {
      RunReport report = new RunReport();
      List<LogRenderer> renderers = Renderers.all();
      render(eventsFile, renderers, report);
      return ReportFile.json(report, Simulation.collect(renderers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Feeds every event of the file, checked, to the renderers, then to {@code watcher}. */
  private static Replayed render(Path eventsFile, List<LogRenderer> renderers, Observer watcher)
      throws IOException {
    try (EventsReader in = new EventsReader(eventsFile)) {
      EventsHeader header = in.header();
      long n = in.events((lineNo, e) -> {
        try {
          for (LogRenderer r : renderers) {
            r.onEvent(e.timeNanos(), e.event());
          }
          watcher.onEvent(e.timeNanos(), e.event());
        } catch (RuntimeException ex) {
          // Events that no run could have produced (a line dropped, a field edited) break a renderer.
          throw in.bad(lineNo, "an event no run could have produced here ("
              + e.event().getClass().getSimpleName() + ")");
        }
      });
      return new Replayed(header, n);
    }
  }
}
