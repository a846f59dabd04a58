package org.svmsim.kernel.fault;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.event.KernelEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;

/**
 * The run's faults, armed: each one publishes a {@link KernelEvent.FaultInjected} fact once, when its
 * trigger is met (a timer for a virtual time, the copy's progress facts for a progress, the VMX's phase
 * facts for a phase), and the components it concerns react to that fact. A progress or phase that the
 * migration never reaches injects nothing. Once every fault has struck the plan stops listening.
 */
public final class FaultPlan {
  private final Bus bus;
  private final List<Fault> waiting = new ArrayList<>();
  private final CopyProgress progress = new CopyProgress();
  private final List<Bus.Subscription> subscriptions = new ArrayList<>();

  private FaultPlan(Bus bus) {
    this.bus = bus;
  }

  /** Arms {@code faults} on {@code bus}; call at virtual time zero, before the run starts. */
  public static FaultPlan install(Bus bus, List<Fault> faults) {
    FaultPlan plan = new FaultPlan(bus);
    for (Fault f : faults) {
      if (f.when().on() == FaultTrigger.On.TIME) {
        bus.scheduleAt(f.when().value(), new KernelEvent.FaultInjected(f));
      } else {
        plan.waiting.add(f);
      }
    }
    if (!plan.waiting.isEmpty()) {
      plan.listen();
    }
    return plan;
  }

  private void listen() {
    subscriptions.add(bus.subscribe(VmxEvent.VmxStarted.class, progress::vmxStarted));
    subscriptions.add(bus.subscribe(KernelEvent.CopyJobCreated.class, e -> progressed(progress.jobCreated(e))));
    subscriptions.add(bus.subscribe(KernelEvent.ChunkCopied.class, e -> progressed(progress.chunkCopied(e))));
    subscriptions.add(bus.subscribe(VmxEvent.SvmotionPhaseEntered.class, this::phase));
  }

  private void progressed(VmId vm) {
    if (vm != null) {
      strike(f -> f.vm().equals(vm) && f.when().reached(progress.copied(vm), progress.total(vm)));
    }
  }

  private void phase(VmxEvent.SvmotionPhaseEntered e) {
    strike(f -> f.vm().equals(e.vm()) && f.when().on() == FaultTrigger.On.PHASE && f.when().value() == e.phase());
  }

  private void strike(java.util.function.Predicate<Fault> due) {
    for (var it = waiting.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (due.test(f)) {
        it.remove();
        bus.publish(new KernelEvent.FaultInjected(f));
      }
    }
    if (waiting.isEmpty()) {
      subscriptions.forEach(Bus.Subscription::cancel);
      subscriptions.clear();
    }
  }

  /** The faults whose trigger has not been met yet. */
  public List<Fault> waiting() {
    return List.copyOf(waiting);
  }
}
