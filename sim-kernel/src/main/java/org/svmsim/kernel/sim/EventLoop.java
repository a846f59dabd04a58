package org.svmsim.kernel.sim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The one queue of the run, ordered by (virtual time, sequence number at enqueue). Dispatching an event
 * shows it to every observer, in registration order, then runs the handlers of its exact type.
 * An exception thrown by a handler stops the run with the seed and the virtual time.
 */
public final class EventLoop implements Bus {
  private final long seed;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final Map<Class<?>, List<Handler<Event>>> handlers = new IdentityHashMap<>();
  private final List<Observer> observers = new ArrayList<>();
  private long now;
  private long sequence;
  private long dispatched;
  private boolean stopped;

  private static final class Entry implements Comparable<Entry>, Timer {
    final long time;
    final long seq;
    final Event event;
    boolean cancelled;

    Entry(long time, long seq, Event event) {
      this.time = time;
      this.seq = seq;
      this.event = event;
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  public EventLoop(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  @Override
  public long now() {
    return now;
  }

  public long dispatched() {
    return dispatched;
  }

  @Override
  public void publish(Event event) {
    scheduleAt(now, event);
  }

  @Override
  public void schedule(long delayNanos, Event event) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos + " ns for " + event);
    }
    scheduleAt(now + delayNanos, event);
  }

  @Override
  public void scheduleAt(long timeNanos, Event event) {
    enqueue(timeNanos, event);
  }

  @Override
  public Timer timer(long delayNanos, Event event) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos + " ns for " + event);
    }
    return enqueue(now + delayNanos, event);
  }

  private Entry enqueue(long timeNanos, Event event) {
    if (timeNanos < now) {
      throw new IllegalStateException("cannot schedule " + event.getClass().getSimpleName() + " at "
          + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now));
    }
    Entry e = new Entry(timeNanos, sequence++, event);
    queue.add(e);
    return e;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E extends Event> void subscribe(Class<E> type, Handler<? super E> handler) {
    handlers.computeIfAbsent(type, t -> new ArrayList<>()).add((Handler<Event>) handler);
  }

  public void observe(Observer observer) {
    observers.add(observer);
  }

  /** Ends the run after the event being dispatched; what is still queued is dropped. */
  public void stop() {
    stopped = true;
    queue.clear();
  }

  /** Dispatches events until the queue is empty, {@link #stop()} is called, or time passes {@code until}. */
  public void run(long untilNanos) {
    run(untilNanos, Long.MAX_VALUE);
  }

  /**
   * As {@link #run(long)}, and also returns once {@link #dispatched()} reaches {@code maxDispatched}; what
   * is queued stays queued, so the caller can still end the run with an event of its own.
   */
  public void run(long untilNanos, long maxDispatched) {
    while (!stopped && !queue.isEmpty() && queue.peek().time <= untilNanos && dispatched < maxDispatched) {
      Entry e = queue.poll();
      if (e.cancelled) {
        continue;
      }
      now = e.time;
      dispatched++;
      try {
        for (Observer o : observers) {
          o.onEvent(now, e.event);
        }
        List<Handler<Event>> hs = handlers.get(e.event.getClass());
        if (hs != null) {
          for (int i = 0; i < hs.size(); i++) {
            hs.get(i).handle(e.event);
          }
        }
      } catch (SimulationException ex) {
        throw ex;
      } catch (RuntimeException ex) {
        throw new SimulationException(seed, now,
            "while dispatching " + e.event.getClass().getSimpleName() + ": " + ex, ex);
      }
    }
  }

  public void run() {
    run(Long.MAX_VALUE);
  }

  public boolean idle() {
    return queue.isEmpty();
  }
}
