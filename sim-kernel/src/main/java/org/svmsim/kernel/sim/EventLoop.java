package org.svmsim.kernel.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one queue of the run, ordered by (virtual time, sequence number at enqueue). Dispatching an event
 * shows it to every observer that watches its type ({@link Observer#observes}), in registration order, then
 * runs the handlers of its exact type. Wake-ups
 * ({@link #wakeAt}) share the queue and its order but are run directly, unseen by observers.
 * An exception thrown by a handler stops the run with the seed and the virtual time.
 */
public final class EventLoop implements Bus {
  private final long seed;
  private final EventQueue queue = new EventQueue();
  /** Who hears each event type: looked up once per dispatch. */
  private final Map<Class<?>, Route> routes = new IdentityHashMap<>();
  private Observer[] observers = new Observer[0];
  /** The domains by number: their events and wake-ups are queued with that number in their kind. */
  private final List<Domain> domains = new ArrayList<>();
  private long now;
  private long sequence;
  private long dispatched;
  private long woken;
  private boolean stopped;

  /**
   * A queued event or wake-up that may be withdrawn: a {@link #timer} (a domain's too), or anything a
   * domain past the queue's {@link EventQueue#DOMAINS} first scheduled. Other events and wake-ups go on
   * the queue bare, with no object of their own; a domain's carry its number in their kind.
   */
  private static final class Held implements Timer {
    final Event event;
    final Wakeup wakeup;
    final Domain domain;
    boolean cancelled;

    Held(Event event, Wakeup wakeup, Domain domain) {
      this.event = event;
      this.wakeup = wakeup;
      this.domain = domain;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  /**
   * One event type's listeners: its handlers, and the observers that watch it ({@link
   * Observer#observes}), worked out at its first dispatch and again after each {@link #observe}.
   */
  private static final class Route {
    List<Registered> handlers = new ArrayList<>();
    Observer[] observers;
  }

  private Route route(Class<?> type) {
    Route r = routes.get(type);
    if (r == null) {
      r = new Route();
      routes.put(type, r);
    }
    return r;
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
        Route route = routes.get(type);
        List<Registered> rest = new ArrayList<>(route.handlers);
        rest.remove(this);
        route.handlers = rest;
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
    return enqueue(now + delayNanos, event, null);
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
    if (domain == null) {
      queue.add(timeNanos, sequence++, EventQueue.WAKEUP, action);
    } else if (domain.index >= 0) {
      queue.add(timeNanos, sequence++, EventQueue.domainKind(domain.index, true), action);
    } else {
      queue.add(timeNanos, sequence++, EventQueue.HELD, new Held(null, action, domain));
    }
  }

  private void enqueue(long timeNanos, Event event) {
    check(timeNanos, event);
    queue.add(timeNanos, sequence++, EventQueue.EVENT, event);
  }

  private Held enqueue(long timeNanos, Event event, Domain domain) {
    check(timeNanos, event);
    Held h = new Held(event, null, domain);
    queue.add(timeNanos, sequence++, EventQueue.HELD, h);
    return h;
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
    return subscribe(type, handler, null);
  }

  @SuppressWarnings("unchecked")
  private <E extends Event> Subscription subscribe(Class<E> type, Handler<? super E> handler, Domain domain) {
    Registered r = new Registered(type, (Handler<Event>) handler, domain);
    route(type).handlers.add(r);
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
    /** This domain's number in its queued entries' kinds; -1 past the queue's capacity (then: Held). */
    private final int index;
    private boolean on = true;

    private Domain(String name) {
      this.name = name;
      if (domains.size() < EventQueue.DOMAINS) {
        this.index = domains.size();
        domains.add(this);
      } else {
        this.index = -1;
      }
    }

    public boolean on() {
      return on;
    }

    /** Everything of this domain stops now: its numbered entries are skipped from now on, its Held ones cancelled. */
    public void powerOff() {
      if (!on) {
        return;
      }
      on = false;
      for (int i = 0; i < queue.size(); i++) {
        if (queue.item(i) instanceof Held h && h.domain == this) {
          h.cancelled = true;
        }
      }
      for (Route route : List.copyOf(routes.values())) {
        for (Registered r : List.copyOf(route.handlers)) {
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
      if (!on) {
        return;
      }
      if (index >= 0) {
        check(timeNanos, event);
        queue.add(timeNanos, sequence++, EventQueue.domainKind(index, false), event);
      } else {
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
    observers = Arrays.copyOf(observers, observers.length + 1);
    observers[observers.length - 1] = observer;
    for (Route r : routes.values()) {
      r.observers = null;
    }
  }

  /** The observers of {@code type}, in registration order. */
  private Observer[] observersOf(Class<? extends Event> type, Route route) {
    Observer[] os = route.observers;
    if (os == null) {
      os = Arrays.stream(observers).filter(o -> o.observes(type)).toArray(Observer[]::new);
      route.observers = os;
    }
    return os;
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
      if (kind >= EventQueue.DOMAIN) {
        if (!domains.get(EventQueue.domainOf(kind)).on) {
          continue; // withdrawn with its powered-off domain: the clock does not move for it
        }
        now = queue.polledTime();
        if (EventQueue.isWakeup(kind)) {
          wake((Wakeup) item);
          continue;
        }
        event = (Event) item;
      } else if (kind == EventQueue.WAKEUP) {
        now = queue.polledTime();
        wake((Wakeup) item);
        continue;
      } else if (kind == EventQueue.HELD) {
        Held h = (Held) item;
        if (h.cancelled) {
          continue; // withdrawn: the clock does not move for it
        }
        now = queue.polledTime();
        if (h.wakeup != null) {
          wake(h.wakeup);
          continue;
        }
        event = h.event;
      } else {
        now = queue.polledTime();
        event = (Event) item;
      }
      dispatch(event);
    }
  }

  private void dispatch(Event event) {
    dispatched++;
    try {
      Class<? extends Event> type = event.getClass();
      Route route = route(type);
      for (Observer o : observersOf(type, route)) {
        o.onEvent(now, event);
      }
      List<Registered> hs = route.handlers;
      for (int i = 0; i < hs.size(); i++) {
        Registered r = hs.get(i);
        if (!r.cancelled) {
          r.handler.handle(event);
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
