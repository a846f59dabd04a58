package org.svmsim.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.svmsim.kernel.log.LogRenderer;

/** Renders the logs again from a run's recorded events alone, through the same renderers. */
public final class Replayer {
  private Replayer() {}

  /** What a replay read: the recorded run's header and its number of events. */
  public record Replayed(EventsHeader header, long events) {}

  /**
   * Reads {@code eventsFile}, checking every line ({@link EventsReader}), and writes the log tree under
   * {@code out}. A file svmsim did not write, or not whole, is a {@link BadEventsFileException}.
   */
  public static Replayed replay(Path eventsFile, Path out) {
    List<LogRenderer> renderers = Renderers.all();
    try (EventsReader in = new EventsReader(eventsFile)) {
      EventsHeader header = in.header();
      long n = in.events((lineNo, e) -> {
        try {
          for (LogRenderer r : renderers) {
            r.onEvent(e.timeNanos(), e.event());
          }
        } catch (RuntimeException ex) {
          // Events that no run could have produced (a line dropped, a field edited) break a renderer.
          throw in.bad(lineNo, "an event no run could have produced here ("
              + e.event().getClass().getSimpleName() + ")");
        }
      });
      OutputTree.writeLogs(out, Simulation.collect(renderers));
      return new Replayed(header, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
