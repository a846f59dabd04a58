package org.svmsim.kernel.sim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The one queue of the run, ordered by (virtual time, sequence number at enqueue). Dispatching an event
 * shows it to every observer, in registration order, then runs the handlers of its exact type. Wake-ups
 * ({@link #wakeAt}) share the queue and its order but are run directly, unseen by observers.
 * An exception thrown by a handler stops the run with the seed and the virtual time.
 */
public final class EventLoop implements Bus {
  private final long seed;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final Map<Class<?>, List<Registered>> handlers = new IdentityHashMap<>();
  private final List<Observer> observers = new ArrayList<>();
  private long now;
  private long sequence;
  private long dispatched;
  private long woken;
  private boolean stopped;

  private static final class Entry implements Comparable<Entry>, Timer {
    final long time;
    final long seq;
    final Event event;
    final Wakeup wakeup;
    final Domain domain;
    boolean cancelled;

    Entry(long time, long seq, Event event, Wakeup wakeup, Domain domain) {
      this.time = time;
      this.seq = seq;
      this.event = event;
      this.wakeup = wakeup;
      this.domain = domain;
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

  /** A handler in its type's list; a cancelled one is skipped and dropped from the list. */
  private final class Registered implements Subscription {
    final Class<?> type;
    final Handler<Event> handler;
    final Domain domain;
    boolean cancelled;

    Registered(Class<?> type, Handler<Event> handler, Domain domain) {
      this.type = type;
      this.handler = handler;
      this.domain = domain;
    }

    @Override
    public void cancel() {
      if (!cancelled) {
        cancelled = true;
        // Copy on removal: a dispatch under way keeps iterating its own list and skips this entry.
        List<Registered> rest = new ArrayList<>(handlers.get(type));
        rest.remove(this);
        handlers.put(type, rest);
      }
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

  /** Events dispatched to observers and handlers. */
  public long dispatched() {
    return dispatched;
  }

  /** Loop-internal wake-ups run ({@link #wakeAt}): the per-I/O scheduling no observer sees. */
  public long woken() {
    return woken;
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

  @Override
  public void wakeAt(long timeNanos, Wakeup action) {
    if (timeNanos < now) {
      throw new IllegalStateException("cannot wake " + action.getClass().getSimpleName() + " at "
          + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now));
    }
    wakeAt(timeNanos, action, null);
  }

  private void wakeAt(long timeNanos, Wakeup action, Domain domain) {
    queue.add(new Entry(timeNanos, sequence++, null, action, domain));
  }

  private Entry enqueue(long timeNanos, Event event) {
    return enqueue(timeNanos, event, null);
  }

  private Entry enqueue(long timeNanos, Event event, Domain domain) {
    if (timeNanos < now) {
      throw new IllegalStateException("cannot schedule " + event.getClass().getSimpleName() + " at "
          + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now));
    }
    Entry e = new Entry(timeNanos, sequence++, event, null, domain);
    queue.add(e);
    return e;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler) {
    return subscribe(type, handler, null);
  }

  @SuppressWarnings("unchecked")
  private <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler, Domain domain) {
    Registered r = new Registered(type, (Handler<Event>) handler, domain);
    handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
    return r;
  }

  /**
   * A view of this loop for everything one host does: what is scheduled and subscribed through it can be
   * dropped at once ({@link Domain#powerOff}), as a host that loses power drops every process it runs.
   */
  public Domain domain(String name) {
    return new Domain(name);
  }

  /**
   * One host's share of the loop. Powered off, its handlers are removed, everything it had queued is
   * withdrawn (never dispatched, never recorded), and whatever its dead code still asks of it is ignored.
   * A host that boots again gets a new domain.
   */
  public final class Domain implements Bus {
    private final String name;
    private boolean on = true;

    private Domain(String name) {
      this.name = name;
    }

    public boolean on() {
      return on;
    }

    /** Everything of this domain stops now. */
    public void powerOff() {
      if (!on) {
        return;
      }
      on = false;
      for (Entry e : queue) {
        if (e.domain == this) {
          e.cancelled = true;
        }
      }
      for (List<Registered> hs : List.copyOf(handlers.values())) {
        for (Registered r : List.copyOf(hs)) {
          if (r.domain == this) {
            r.cancel();
          }
        }
      }
    }

    @Override
    public long now() {
      return EventLoop.this.now;
    }

    @Override
    public void publish(Event event) {
      scheduleAt(now(), event);
    }

    @Override
    public void schedule(long delayNanos, Event event) {
      if (delayNanos < 0) {
        throw new IllegalArgumentException("negative delay " + delayNanos + " ns for " + event);
      }
      scheduleAt(now() + delayNanos, event);
    }

    @Override
    public void scheduleAt(long timeNanos, Event event) {
      if (on) {
        enqueue(timeNanos, event, this);
      }
    }

    @Override
    public Timer timer(long delayNanos, Event event) {
      if (delayNanos < 0) {
        throw new IllegalArgumentException("negative delay " + delayNanos + " ns for " + event);
      }
      return on ? enqueue(now() + delayNanos, event, this) : () -> { };
    }

    @Override
    public void wakeAt(long timeNanos, Wakeup action) {
      if (timeNanos < now()) {
        throw new IllegalStateException("cannot wake " + action.getClass().getSimpleName() + " at "
            + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now()));
      }
      if (on) {
        EventLoop.this.wakeAt(timeNanos, action, this);
      }
    }

    @Override
    public <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler) {
      return on ? EventLoop.this.subscribe(type, handler, this) : () -> { };
    }

    @Override
    public String toString() {
      return name + (on ? "" : " (off)");
    }
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
      if (e.wakeup != null) {
        wake(e.wakeup);
        continue;
      }
      dispatched++;
      try {
        for (Observer o : observers) {
          o.onEvent(now, e.event);
        }
        List<Registered> hs = handlers.get(e.event.getClass());
        if (hs != null) {
          for (int i = 0; i < hs.size(); i++) {
            Registered r = hs.get(i);
            if (!r.cancelled) {
              r.handler.handle(e.event);
            }
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

  private void wake(Wakeup w) {
    woken++;
    try {
      w.wake();
    } catch (SimulationException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      throw new SimulationException(seed, now, "while waking " + w.getClass().getSimpleName() + ": " + ex, ex);
    }
  }

  public void run() {
    run(Long.MAX_VALUE);
  }

  public boolean idle() {
    return queue.isEmpty();
  }
}
