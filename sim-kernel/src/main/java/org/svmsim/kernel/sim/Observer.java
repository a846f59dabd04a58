package org.svmsim.kernel.sim;

/**
 * Sees every dispatched event, in dispatch order, and never schedules work: log renderers, the event
 * recorder, metrics and test probes. Kept apart from handlers so that replaying recorded events through
 * the same observers renders the same logs.
 */
@FunctionalInterface
public interface Observer {
  void onEvent(long timeNanos, Event event);
}
