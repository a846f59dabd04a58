package org.svmsim.kernel.sim;

/**
 * What a component sees of the event loop: the virtual clock and the two ways to put an event on the
 * queue. Only the loop advances the clock.
 */
public interface Bus {
  /** Virtual nanoseconds since the run's start. */
  long now();

  /** Enqueues {@code event} at the current time, after everything already queued for it. */
  void publish(Event event);

  /** Enqueues {@code event} {@code delayNanos} from now. */
  void schedule(long delayNanos, Event event);

  /** Enqueues {@code event} at absolute virtual time {@code timeNanos}; scheduling into the past fails. */
  void scheduleAt(long timeNanos, Event event);

  /**
   * Enqueues {@code event} {@code delayNanos} from now, revocably: a cancelled event is never dispatched,
   * so no observer (and no events.jsonl) ever sees it. For facts that may not happen after all.
   */
  Timer timer(long delayNanos, Event event);

  /**
   * Runs {@code action} at absolute virtual time {@code timeNanos}, in the loop's (time, sequence) order
   * but unseen: no observer and no handler sees it, so nothing is recorded in events.jsonl. For the kernel's
   * own bookkeeping (an I/O leaving a datastore's queue), never for a fact a log or a summary needs.
   */
  void wakeAt(long timeNanos, Wakeup action);

  /** Loop-internal work scheduled with {@link #wakeAt}. */
  @FunctionalInterface
  interface Wakeup {
    void wake();
  }

  /** An event on the queue that may still be withdrawn. */
  interface Timer {
    /** Withdraws the event if it has not been dispatched yet; no effect afterwards. */
    void cancel();
  }

  /**
   * Registers a handler for one event type; handlers of a type run in registration order. The returned
   * subscription removes it again: a component that stops (an agent restarting, a crashed host) stops
   * hearing the bus.
   */
  <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler);

  /** A registered handler, which can be removed. */
  interface Subscription {
    /** Removes the handler; from now on it sees no event, not even the rest of the one being dispatched. */
    void cancel();
  }

  /** Something that reacts to an event, possibly scheduling more. */
  @FunctionalInterface
  interface Handler<E> {
    void handle(E event);
  }
}
