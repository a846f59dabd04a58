package org.svmsim.scenario;

import org.svmsim.kernel.sim.Event;

/** A timeline entry as the event loop takes it: an event at a virtual time, nanoseconds from the start. */
public record TimedEvent(long atNanos, Event event) {
  public TimedEvent {
    if (atNanos < 0) {
      throw new IllegalArgumentException("a timeline event cannot precede the start: " + atNanos + " ns");
    }
  }
}
