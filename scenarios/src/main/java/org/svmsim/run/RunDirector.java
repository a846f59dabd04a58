package org.svmsim.run;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.RunEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.sim.EventLoop;
import org.svmsim.kernel.sim.SimRandom;
import org.svmsim.kernel.sim.VirtualTime;
import org.svmsim.scenario.TimedEvent;

/**
 * Plays the scenario's timeline and ends the run once every action has been carried out: a power-on when
 * the guest runs, a relocate when its task finishes, a power-off when the VMX has exited. The VMs' own
 * timers (guest I/O, rescans) would run forever; the director decides when the story is over.
 */
final class RunDirector {
  private final EventLoop loop;
  private final List<String> pending = new ArrayList<>();
  private int undispatched;
  private String failure = "";
  private boolean finished;

  RunDirector(EventLoop loop, List<TimedEvent> timeline, SimRandom random) {
    this.loop = loop;
    this.undispatched = timeline.size();
    for (TimedEvent t : timeline) {
      loop.scheduleAt(t.atNanos() + jitter(t.atNanos(), random), t.event());
    }
    loop.subscribe(AgentEvent.PowerOnVm.class, e -> started("powerOn " + e.vm()));
    loop.subscribe(AgentEvent.RelocateVm.class, e -> started("relocate " + e.vm()));
    loop.subscribe(AgentEvent.PowerOffVm.class, e -> started("powerOff " + e.vm()));
    loop.subscribe(VmxEvent.GuestRunning.class, e -> done("powerOn " + e.vm()));
    loop.subscribe(AgentEvent.RelocateFinished.class, e -> {
      if (!e.success() && failure.isEmpty()) {
        failure = e.fault();
      }
      done("relocate " + e.vm());
    });
    loop.subscribe(VmxEvent.VmxStopped.class, e -> done("powerOff " + e.vm()));
    loop.subscribe(RunEvent.RunFinished.class, e -> loop.stop());
  }

  /**
   * A person or a script in vCenter does not act on a whole second: an action written on one ({@code 5s})
   * comes somewhere in that second. Time zero (the story's start) and a time given to the millisecond or
   * finer ({@code 18m29.640s}, to reproduce a real log) are kept as they are.
   */
  static long jitter(long atNanos, SimRandom random) {
    return atNanos > 0 && atNanos % VirtualTime.SECOND == 0 ? random.nextLong(0, 1000) * VirtualTime.MILLISECOND : 0;
  }

  private void started(String action) {
    undispatched--;
    pending.add(action);
  }

  private void done(String action) {
    if (pending.remove(action) && pending.isEmpty() && undispatched == 0) {
      finish();
    }
  }

  /** Ends the run now (also used when the run outlives its horizon). */
  void finish() {
    if (!finished) {
      finished = true;
      loop.publish(new RunEvent.RunFinished(failure.isEmpty() ? "success" : "failed", failure));
    }
  }

  /**
   * Stops a run that went past one of its limits: outcome {@code aborted}, {@code reason} naming the limit.
   * The run ends at {@code atNanos} (not before now), after the events already queued for that instant.
   */
  void abort(long atNanos, String reason) {
    if (!finished) {
      finished = true;
      loop.scheduleAt(Math.max(atNanos, loop.now()),
          new RunEvent.RunFinished("aborted", reason + " (" + unfinished() + ")"));
    }
  }

  private String unfinished() {
    String later = undispatched == 0 ? "" : undispatched + " timeline action(s) yet to come";
    if (pending.isEmpty()) {
      return later;
    }
    return "still pending: " + String.join(", ", pending) + (later.isEmpty() ? "" : "; " + later);
  }

  void failUnsettled() {
    if (failure.isEmpty()) {
      failure = "the run did not settle: still pending " + pending;
    }
    finish();
  }

  boolean finished() {
    return finished;
  }
}
