package org.svmsim.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svmsim.kernel.log.LogRenderer;

/** Renders the logs again from a run's recorded events alone, through the same renderers. */
public final class Replayer {
  private Replayer() {}

  /** Reads {@code eventsJsonl} and writes the log tree under {@code out}; returns the number of events. */
  public static long replay(Path eventsJsonl, Path out) {
    try {
      return render(eventsJsonl, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long render(Path eventsJsonl, Path out) throws IOException {
    EventJson json = new EventJson();
    List<LogRenderer> renderers = Renderers.all();
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
        } catch (RuntimeException ex) {
          // Events that no run could have produced (a line dropped, a field edited) break a renderer.
          throw new BadEventsFileException(eventsJsonl + ": line " + n + ": " + reason(ex), ex);
        }
      }
    }
    OutputTree.writeLogs(out, Simulation.collect(renderers));
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
