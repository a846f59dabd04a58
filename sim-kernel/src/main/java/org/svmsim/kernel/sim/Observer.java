package org.svmsim.kernel.sim;

/**
 * Sees every dispatched event, in dispatch order, and never schedules work: log renderers, the event
 * recorder, metrics and test probes. Kept apart from handlers so that replaying recorded events through
 * the same observers renders the same logs.
 */
@FunctionalInterface
public interface Observer {
  void onEvent(long timeNanos, Event event);

  /**
   * Whether this observer needs to see events of {@code type} at all: asked once per type and run, so an
   * observer that ignores the events a long run is made of (guest I/O, copied chunks) costs them nothing.
   * Saying false for a type it would act on is a bug; by default it sees every type.
   */
  default boolean observes(Class<? extends Event> type) {
    return true;
  }
}
