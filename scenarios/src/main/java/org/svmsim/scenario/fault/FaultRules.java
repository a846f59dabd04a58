package org.svmsim.scenario.fault;

import java.util.ArrayList;
import java.util.List;
import org.svmsim.kernel.fault.Fault;
import org.svmsim.kernel.fault.FaultTrigger;
import org.svmsim.kernel.id.VmId;
import org.svmsim.scenario.ActionSpec;
import org.svmsim.scenario.Scenario;
import org.svmsim.scenario.unit.BadValueException;
import org.svmsim.scenario.unit.SimDuration;

/**
 * The rules a fault shares with the rest of the scenario (every fault strikes a relocate of the timeline,
 * no later than the timeline's last action), and its translation into the kernel's {@link Fault}.
 */
public final class FaultRules {
  private FaultRules() {}

  /** Fails with the full path of the first fault the scenario cannot run. */
  public static void validate(Scenario s) {
    for (int i = 0; i < s.faults().size(); i++) {
      fault(s, s.faults().get(i), "faults[" + i + "]");
    }
  }

  /** The scenario's faults as the kernel's fault plan takes them; the scenario must be valid. */
  public static List<Fault> faults(Scenario s) {
    List<Fault> out = new ArrayList<>();
    for (FaultSpec f : s.faults()) {
      out.add(new Fault(f.faultKind(), f.faultMode(), f.trigger(), VmId.of(target(s, f))));
    }
    return out;
  }

  private static void fault(Scenario s, FaultSpec f, String at) {
    List<ActionSpec> relocates = s.timeline().stream().filter(ActionSpec::relocates).toList();
    if (relocates.isEmpty()) {
      throw new BadValueException(at + ".kind", f.kind(), "a fault strikes a Storage vMotion, and the timeline has no relocate");
    }
    if (!f.vm().isEmpty()) {
      if (s.vms().stream().noneMatch(vm -> vm.name().equals(f.vm()))) {
        throw new BadValueException(at + ".vm", f.vm(), "no VM has that name");
      }
      if (relocates.stream().noneMatch(a -> a.vm().equals(f.vm()))) {
        throw new BadValueException(at + ".vm", f.vm(), "the timeline never relocates this VM");
      }
    }
    FaultTrigger when = f.trigger();
    SimDuration end = s.timeline().get(s.timeline().size() - 1).at();
    if (when.on() == FaultTrigger.On.TIME && when.value() > end.nanos()) {
      throw new BadValueException(at + ".at", f.at(), "past the run: its timeline ends at " + end);
    }
  }

  private static String target(Scenario s, FaultSpec f) {
    return f.vm().isEmpty()
        ? s.timeline().stream().filter(ActionSpec::relocates).findFirst().orElseThrow().vm()
        : f.vm();
  }
}
