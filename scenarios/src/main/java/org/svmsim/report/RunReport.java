package org.svmsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.svmsim.explain.LineNotes;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/**
 * What the report shows of one run, gathered by watching its events (live, or replayed from
 * events.jsonl: the same facts give the same report): the headline figures, the {@link Timeline} and the
 * {@link Intervals}. The logs are added at the end, as rendered.
 */
public final class RunReport implements Observer {
  private final Timeline timeline = new Timeline();
  private final Intervals intervals = new Intervals();
  private final Map<String, Object> headline = new LinkedHashMap<>();
  private long startEpochMillis;
  private long downtimeMicros;
  private long writes;
  private long mirrored;
  private long bytesCopied;
  private Boolean consistent;

  @Override
  public void onEvent(long t, Event event) {
    timeline.onEvent(t, event);
    intervals.onEvent(t, event);
    if (event instanceof RunEvent.RunStarted e) {
      startEpochMillis = e.startEpochMillis();
      headline.put("scenario", e.scenario());
      headline.put("seed", e.seed());
      headline.put("method", e.method());
      headline.put("host", e.hostname() + ", ESXi " + e.esxVersion() + " build " + e.esxBuild());
    } else if (event instanceof RunEvent.RunFinished e) {
      headline.put("outcome", e.outcome());
      headline.put("failureReason", e.failureReason());
    } else if (event instanceof AgentEvent.RelocateFinished e) {
      headline.put("migrationS", Intervals.round(e.elapsedNanos() / 1e9));
    } else if (event instanceof VmxEvent.VmUnstunned e) {
      downtimeMicros += e.stoppedMicros();
    } else if (event instanceof KernelEvent.DataMoverSelected e) {
      headline.put("mover", e.mover().id());
    } else if (event instanceof KernelEvent.CopyPassCompleted e) {
      bytesCopied += e.bytesCopied();
    } else if (event instanceof KernelEvent.GuestIoCompleted e && e.write()) {
      writes++;
      mirrored += e.route().mirrored() ? 1 : 0;
    } else if (event instanceof VmxEvent.ConsistencyChecked e) {
      consistent = (consistent == null || consistent) && e.consistent();
    }
  }

  /** The scenario's name, from the run's first event. */
  public String scenario() {
    return String.valueOf(headline.getOrDefault("scenario", ""));
  }

  /** The report's data for this run; {@code lesson} may be empty. */
  public Map<String, Object> toJson(SortedMap<String, String> logs, String description, String lesson) {
    Map<String, Object> out = new LinkedHashMap<>(headline);
    out.put("description", description);
    out.put("lesson", lesson);
    out.put("downtimeMs", Intervals.round(downtimeMicros / 1e3));
    out.put("guestWrites", writes);
    out.put("guestWritesMirrored", mirrored);
    out.put("bytesCopied", bytesCopied);
    out.put("consistent", consistent);
    out.put("startEpochMillis", startEpochMillis);
    out.put("endMs", Intervals.round(timeline.end() / 1e6));
    out.put("lanes", Timeline.LANES);
    List<List<Object>> spans = new ArrayList<>();
    for (Timeline.Span s : timeline.spans()) {
      spans.add(List.of(s.lane(), s.kind(), s.label(), ms(s.start()), ms(s.end())));
    }
    out.put("spans", spans);
    List<List<Object>> marks = new ArrayList<>();
    for (Timeline.Mark m : timeline.marks()) {
      marks.add(List.of(m.lane(), m.kind(), m.label(), ms(m.t())));
    }
    out.put("marks", marks);
    out.put("series", intervals.toJson());
    LineNotes notes = LineNotes.of(logs);
    out.put("logs", LogLines.toJson(logs, startEpochMillis, (file, lineNo, line) -> notes.note(file, lineNo)));
    return out;
  }

  private static double ms(long nanos) {
    return Intervals.round(nanos / 1e6);
  }
}
