package org.svmsim.kernel.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Component} holds on the bus while it runs: its handlers, its revocable events and its
 * wake-ups. {@link #cancel()} drops them all at once, so a stopped component hears nothing and nothing it
 * scheduled happens; a wake-up scheduled before the cancel stays silent even if it was already queued.
 */
public final class Subscriptions {
  private final Bus bus;
  private final List<Bus.Subscription> handlers = new ArrayList<>();
  private final List<Bus.Timer> timers = new ArrayList<>();
  private long generation;

  public Subscriptions(Bus bus) {
    this.bus = bus;
  }

  public <E extends Event> void on(Class<E> type, Bus.Handler<? super E> handler) {
    handlers.add(bus.subscribe(type, handler));
  }

  /** {@link Bus#timer}, withdrawn by {@link #cancel()}. */
  public Bus.Timer timer(long delayNanos, Event event) {
    Bus.Timer t = bus.timer(delayNanos, event);
    timers.add(t);
    return t;
  }

  /** {@link Bus#wakeAt}, silent once {@link #cancel()} was called. */
  public void wakeAt(long timeNanos, Bus.Wakeup action) {
    long at = generation;
    bus.wakeAt(timeNanos, () -> {
      if (generation == at) {
        action.wake();
      }
    });
  }

  public void cancel() {
    handlers.forEach(Bus.Subscription::cancel);
    handlers.clear();
    timers.forEach(Bus.Timer::cancel);
    timers.clear();
    generation++;
  }
}
