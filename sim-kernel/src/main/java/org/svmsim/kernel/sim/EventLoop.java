package org.svmsim.kernel.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one queue of the run, ordered by (virtual time, sequence number at enqueue). Dispatching an event
 * shows it to every observer, in registration order, then runs the handlers of its exact type. Wake-ups
 * ({@link #wakeAt}) share the queue and its order but are run directly, unseen by observers.
 * An exception thrown by a handler stops the run with the seed and the virtual time.
 */
public final class EventLoop implements Bus {
  private final long seed;
  private final EventQueue queue = new EventQueue();
  private final Map<Class<?>, List<Registered>> handlers = new IdentityHashMap<>();
  private Observer[] observers = new Observer[0];
  private long now;
  private long sequence;
  private long dispatched;
  private long woken;
  private boolean stopped;

  /** A revocable event ({@link #timer}): the queue holds it instead of the bare event. */
  private static final class TimerEntry implements Timer {
    final Event event;
    boolean cancelled;

    TimerEntry(Event event) {
      this.event = event;
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
    boolean cancelled;

    Registered(Class<?> type, Handler<Event> handler) {
      this.type = type;
      this.handler = handler;
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
    check(now + delayNanos, event);
    TimerEntry t = new TimerEntry(event);
    queue.add(now + delayNanos, sequence++, EventQueue.TIMER, t);
    return t;
  }

  @Override
  public void wakeAt(long timeNanos, Wakeup action) {
    if (timeNanos < now) {
      throw new IllegalStateException("cannot wake " + action.getClass().getSimpleName() + " at "
          + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now));
    }
    queue.add(timeNanos, sequence++, EventQueue.WAKEUP, action);
  }

  private void enqueue(long timeNanos, Event event) {
    check(timeNanos, event);
    queue.add(timeNanos, sequence++, EventQueue.EVENT, event);
  }

  private void check(long timeNanos, Event event) {
    if (timeNanos < now) {
      throw new IllegalStateException("cannot schedule " + event.getClass().getSimpleName() + " at "
          + VirtualTime.format(timeNanos) + ", before the current time " + VirtualTime.format(now));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler) {
    Registered r = new Registered(type, (Handler<Event>) handler);
    handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
    return r;
  }

  public void observe(Observer observer) {
    observers = Arrays.copyOf(observers, observers.length + 1);
    observers[observers.length - 1] = observer;
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
    while (!stopped && !queue.isEmpty() && queue.peekTime() <= untilNanos && dispatched < maxDispatched) {
      Object item = queue.poll();
      int kind = queue.polledKind();
      Event event;
      if (kind == EventQueue.WAKEUP) {
        now = queue.polledTime();
        wake((Wakeup) item);
        continue;
      } else if (kind == EventQueue.TIMER) {
        TimerEntry t = (TimerEntry) item;
        if (t.cancelled) {
          continue; // withdrawn: the clock does not move for it
        }
        event = t.event;
      } else {
        event = (Event) item;
      }
      now = queue.polledTime();
      dispatch(event);
    }
  }

  private void dispatch(Event event) {
    dispatched++;
    try {
      for (Observer o : observers) {
        o.onEvent(now, event);
      }
      List<Registered> hs = handlers.get(event.getClass());
      if (hs != null) {
        for (int i = 0; i < hs.size(); i++) {
          Registered r = hs.get(i);
          if (!r.cancelled) {
            r.handler.handle(event);
          }
        }
      }
    } catch (SimulationException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      throw new SimulationException(seed, now,
          "while dispatching " + event.getClass().getSimpleName() + ": " + ex, ex);
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
