package org.svmsim.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.svmsim.kernel.sim.Event;
import org.svmsim.kernel.sim.Observer;

/** Writes every dispatched event to {@code events.jsonl}, one JSON object a line, as it is dispatched. */
final class EventRecorder implements Observer {
  private final EventJson json = new EventJson();
  private final Writer out;
  private long count;

  EventRecorder(Writer out) {
    this.out = out;
  }

  @Override
  public void onEvent(long timeNanos, Event event) {
    try {
      out.write(json.write(timeNanos, event));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count() {
    return count;
  }
}
