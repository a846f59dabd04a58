package org.svmsim.kernel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {
  /** A test event that names itself; {@code n} tells instances apart. */
  record Tick(String n) implements Event {}

  record Tock(String n) implements Event {}

  private final EventLoop loop = new EventLoop(42);
  private final List<String> seen = new ArrayList<>();

  private void recordTicks() {
    loop.subscribe(Tick.class, e -> seen.add(e.n() + "@" + loop.now()));
  }

  @Test
  void aCancelledTimerIsNeverDispatchedNorObserved() {
    recordTicks();
    List<Event> observed = new ArrayList<>();
    loop.observe((t, e) -> observed.add(e));
    Bus.Timer withdrawn = loop.timer(10, new Tick("withdrawn"));
    Bus.Timer kept = loop.timer(20, new Tick("kept"));
    loop.scheduleAt(5, new Tock("cancel"));
    loop.subscribe(Tock.class, e -> withdrawn.cancel());
    loop.run();
    kept.cancel(); // after dispatch: no effect
    assertEquals(List.of("kept@20"), seen);
    assertEquals(List.of(new Tock("cancel"), new Tick("kept")), observed);
    assertEquals(2, loop.dispatched());
  }

  /** Watches only Tocks. */
  private static final class TockWatcher implements Observer {
    final List<Event> seen = new ArrayList<>();

    @Override
    public void onEvent(long timeNanos, Event event) {
      seen.add(event);
    }

    @Override
    public boolean observes(Class<? extends Event> type) {
      return type == Tock.class;
    }
  }

  @Test
  void anObserverSeesOnlyTheTypesItObservesAndOneAddedLaterSeesWhatFollows() {
    recordTicks();
    List<Event> all = new ArrayList<>();
    loop.observe((t, e) -> all.add(e));
    TockWatcher early = new TockWatcher();
    loop.observe(early);
    loop.scheduleAt(1, new Tick("a"));
    loop.scheduleAt(2, new Tock("b"));
    TockWatcher late = new TockWatcher();
    loop.wakeAt(3, () -> loop.observe(late));
    loop.scheduleAt(4, new Tick("c"));
    loop.scheduleAt(5, new Tock("d"));
    loop.run();
    assertEquals(List.of(new Tick("a"), new Tock("b"), new Tick("c"), new Tock("d")), all);
    assertEquals(List.of(new Tock("b"), new Tock("d")), early.seen);
    assertEquals(List.of(new Tock("d")), late.seen);
    assertEquals(List.of("a@1", "c@4"), seen, "handlers hear their type whoever observes it");
  }

  /**
   * A domain's events, wake-ups and timers run in the loop's one order beside the loop's own; powered off
   * at 15, nothing it queued runs (and the clock does not stop for it), and what its code asks later is
   * ignored.
   */
  private List<String> runTwoHosts(EventLoop.Domain host) {
    List<String> trail = new ArrayList<>();
    host.subscribe(Tick.class, e -> trail.add("host hears " + e.n() + "@" + loop.now()));
    loop.subscribe(Tock.class, e -> trail.add("loop hears " + e.n() + "@" + loop.now()));
    host.scheduleAt(10, new Tick("a"));
    host.wakeAt(10, () -> trail.add("host wakes@" + loop.now()));
    loop.scheduleAt(10, new Tock("b"));
    host.timer(12, new Tick("timer"));
    host.scheduleAt(20, new Tick("late"));
    host.wakeAt(20, () -> trail.add("late wake"));
    host.timer(25, new Tick("late timer"));
    loop.wakeAt(15, () -> {
      host.powerOff();
      host.scheduleAt(16, new Tick("dead"));
      host.wakeAt(16, () -> trail.add("dead wake"));
      host.subscribe(Tock.class, e -> trail.add("dead handler"));
    });
    loop.scheduleAt(30, new Tock("c"));
    loop.scheduleAt(30, new Tick("d"));
    List<Long> clock = new ArrayList<>();
    loop.observe((t, e) -> clock.add(t));
    loop.run();
    trail.add("observed at " + clock);
    return trail;
  }

  private static final List<String> TWO_HOSTS = List.of("host hears a@10", "host wakes@10", "loop hears b@10",
      "host hears timer@12", "loop hears c@30", "observed at [10, 10, 12, 30, 30]");

  @Test
  void aPoweredOffDomainDropsEverythingItQueuedAndIgnoresItsDeadCode() {
    assertEquals(TWO_HOSTS, runTwoHosts(loop.domain("host")));
    assertEquals(30, loop.now());
  }

  @Test
  void aDomainBeyondTheNumberedOnesBehavesTheSame() {
    for (int i = 0; i < EventQueue.DOMAINS; i++) {
      loop.domain("filler " + i);
    }
    assertEquals(TWO_HOSTS, runTwoHosts(loop.domain("host")));
  }

  @Test
  void aWakeUpRunsInTimeOrderButNoObserverSeesIt() {
    recordTicks();
    List<Event> observed = new ArrayList<>();
    loop.observe((t, e) -> observed.add(e));
    loop.scheduleAt(10, new Tick("a"));
    loop.wakeAt(10, () -> seen.add("wake@" + loop.now()));
    loop.wakeAt(5, () -> {
      seen.add("early@" + loop.now());
      loop.wakeAt(loop.now(), () -> seen.add("again@" + loop.now()));
    });
    loop.scheduleAt(20, new Tick("b"));
    loop.run();
    assertEquals(List.of("early@5", "again@5", "a@10", "wake@10", "b@20"), seen);
    assertEquals(List.of(new Tick("a"), new Tick("b")), observed);
    assertEquals(2, loop.dispatched());
    assertEquals(3, loop.woken());
    IllegalStateException ex = assertThrows(IllegalStateException.class, () -> loop.wakeAt(19, () -> {}));
    assertTrue(ex.getMessage().contains("before the current time"), ex.getMessage());
  }

  @Test
  void dispatchesByTimeThenInEnqueueOrder() {
    recordTicks();
    loop.scheduleAt(30, new Tick("c"));
    loop.scheduleAt(10, new Tick("a1"));
    loop.scheduleAt(20, new Tick("b"));
    loop.scheduleAt(10, new Tick("a2"));
    loop.scheduleAt(10, new Tick("a3"));
    loop.run();
    assertEquals(List.of("a1@10", "a2@10", "a3@10", "b@20", "c@30"), seen);
    assertEquals(5, loop.dispatched());
    assertTrue(loop.idle());
  }

  @Test
  void publishGoesAfterWhatIsAlreadyQueuedForNow() {
    loop.subscribe(Tick.class, e -> {
      seen.add(e.n() + "@" + loop.now());
      if (e.n().equals("first")) {
        loop.publish(new Tick("published"));
        loop.schedule(0, new Tick("scheduled0"));
      }
    });
    loop.scheduleAt(5, new Tick("first"));
    loop.scheduleAt(5, new Tick("second"));
    loop.scheduleAt(6, new Tick("later"));
    loop.run();
    assertEquals(List.of("first@5", "second@5", "published@5", "scheduled0@5", "later@6"), seen);
  }

  @Test
  void scheduleIsRelativeToNow() {
    loop.subscribe(Tick.class, e -> {
      seen.add(e.n() + "@" + loop.now());
      if (e.n().equals("a")) {
        loop.schedule(7, new Tick("b"));
      }
    });
    loop.scheduleAt(100, new Tick("a"));
    loop.run();
    assertEquals(List.of("a@100", "b@107"), seen);
  }

  @Test
  void observersSeeEachEventBeforeHandlersInRegistrationOrder() {
    loop.subscribe(Tick.class, e -> seen.add("handler1:" + e.n()));
    loop.observe((t, e) -> seen.add("observer1:" + ((Tick) e).n() + "@" + t));
    loop.subscribe(Tick.class, e -> seen.add("handler2:" + e.n()));
    loop.observe((t, e) -> seen.add("observer2:" + ((Tick) e).n()));
    loop.scheduleAt(3, new Tick("x"));
    loop.run();
    assertEquals(List.of("observer1:x@3", "observer2:x", "handler1:x", "handler2:x"), seen);
  }

  @Test
  void handlersRunForTheExactTypeOnly() {
    loop.subscribe(Tick.class, e -> seen.add("tick"));
    loop.subscribe(Event.class, e -> seen.add("event"));
    loop.observe((t, e) -> seen.add("observed " + e.getClass().getSimpleName()));
    loop.publish(new Tock("t"));
    loop.publish(new Tick("t"));
    loop.run();
    assertEquals(List.of("observed Tock", "observed Tick", "tick"), seen);
  }

  @Test
  void schedulingIntoThePastFailsNamingBothTimes() {
    loop.scheduleAt(VirtualTime.seconds(2), new Tick("a"));
    loop.run();
    IllegalStateException ex = assertThrows(IllegalStateException.class,
        () -> loop.scheduleAt(VirtualTime.seconds(1), new Tick("late")));
    assertTrue(ex.getMessage().contains(VirtualTime.format(VirtualTime.seconds(1))), ex.getMessage());
    assertTrue(ex.getMessage().contains(VirtualTime.format(VirtualTime.seconds(2))), ex.getMessage());
    assertTrue(ex.getMessage().contains("Tick"), ex.getMessage());
    assertTrue(loop.idle(), "the refused event must not be queued");
  }

  @Test
  void negativeDelayFails() {
    assertThrows(IllegalArgumentException.class, () -> loop.schedule(-1, new Tick("a")));
    assertTrue(loop.idle());
  }

  @Test
  void handlerExceptionBecomesSimulationExceptionWithSeedAndTime() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    loop.subscribe(Tick.class, e -> {
      throw boom;
    });
    long at = VirtualTime.millis(1500);
    loop.scheduleAt(at, new Tick("a"));
    SimulationException ex = assertThrows(SimulationException.class, loop::run);
    assertEquals(42, ex.seed());
    assertEquals(at, ex.timeNanos());
    assertSame(boom, ex.getCause());
    assertTrue(ex.getMessage().contains("seed 42"), ex.getMessage());
    assertTrue(ex.getMessage().contains(VirtualTime.format(at)), ex.getMessage());
    assertTrue(ex.getMessage().contains("Tick") && ex.getMessage().contains("boom"), ex.getMessage());
  }

  @Test
  void observerExceptionAlsoStopsTheRunWithSeedAndTime() {
    loop.observe((t, e) -> {
      throw new IllegalStateException("observer broke");
    });
    loop.scheduleAt(9, new Tick("a"));
    SimulationException ex = assertThrows(SimulationException.class, loop::run);
    assertEquals(9, ex.timeNanos());
  }

  @Test
  void aSimulationExceptionPassesThroughUnwrapped() {
    SimulationException inner = new SimulationException(1, 2, "inner", null);
    loop.subscribe(Tick.class, e -> {
      throw inner;
    });
    loop.publish(new Tick("a"));
    assertSame(inner, assertThrows(SimulationException.class, loop::run));
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEvent() {
    loop.subscribe(Tick.class, e -> {
      seen.add("h1:" + e.n());
      if (e.n().equals("stop")) {
        loop.stop();
      }
    });
    loop.subscribe(Tick.class, e -> seen.add("h2:" + e.n()));
    loop.scheduleAt(1, new Tick("stop"));
    loop.scheduleAt(1, new Tick("same-time"));
    loop.scheduleAt(2, new Tick("later"));
    loop.run();
    assertEquals(List.of("h1:stop", "h2:stop"), seen);
    assertEquals(1, loop.now());
    loop.run();
    assertEquals(2, seen.size(), "a stopped loop stays stopped");
  }

  @Test
  void runUntilDispatchesEventsUpToAndIncludingTheLimit() {
    recordTicks();
    loop.scheduleAt(10, new Tick("a"));
    loop.scheduleAt(20, new Tick("b"));
    loop.scheduleAt(21, new Tick("c"));
    loop.run(20);
    assertEquals(List.of("a@10", "b@20"), seen);
    assertEquals(20, loop.now());
    assertFalse(loop.idle());
    loop.run(20);
    assertEquals(2, seen.size());
    loop.run();
    assertEquals(List.of("a@10", "b@20", "c@21"), seen);
  }

  @Test
  void aCancelledSubscriptionHearsNothingMoreNotEvenTheRestOfTheCurrentEvent() {
    List<Bus.Subscription> second = new ArrayList<>();
    loop.subscribe(Tick.class, e -> {
      seen.add("first " + e.n());
      if (e.n().equals("a")) {
        second.get(0).cancel();
      }
    });
    second.add(loop.subscribe(Tick.class, e -> seen.add("second " + e.n())));
    loop.subscribe(Tick.class, e -> seen.add("third " + e.n()));
    loop.publish(new Tick("a"));
    loop.publish(new Tick("b"));
    loop.run();
    second.get(0).cancel(); // twice: no effect
    assertEquals(List.of("first a", "third a", "first b", "third b"), seen);
  }

  @Test
  void aHandlerCanCancelItselfAndSubscribeAgain() {
    List<Bus.Subscription> self = new ArrayList<>();
    self.add(loop.subscribe(Tick.class, e -> {
      seen.add("once " + e.n());
      self.get(0).cancel();
    }));
    loop.publish(new Tick("a"));
    loop.run();
    loop.subscribe(Tick.class, e -> seen.add("again " + e.n()));
    loop.publish(new Tick("b"));
    loop.run();
    assertEquals(List.of("once a", "again b"), seen);
  }
}
