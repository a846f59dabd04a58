package org.svmsim.vpxa.relocate;

import java.util.Optional;
import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.vmfs.Vmfs;
import org.svmsim.vpxa.Fault;
import org.svmsim.vpxa.hostd.HostdVm;
import org.svmsim.vpxa.hostd.VmState;

/** Whether vpxa takes a relocate request; a refusal is the fault the task fails with. */
final class Admission {
  private Admission() {}

  static Optional<Fault> check(AgentEvent.RelocateVm e, HostdVm vm, boolean running, Vmfs vmfs) {
    if (!e.method().implemented()) {
      return refuse(Fault.NOT_SUPPORTED, "method " + e.method() + " is not implemented yet");
    }
    if (running) {
      return refuse(Fault.TASK_IN_PROGRESS, "a relocate of " + e.vm() + " is already running");
    }
    if (vm.state() != VmState.ON) {
      return refuse(Fault.INVALID_POWER_STATE, "a " + e.method() + " relocate needs " + e.vm()
          + " powered on; it is " + vm.state().esxName());
    }
    if (vmfs.volumes().stream().noneMatch(v -> v.id().equals(e.destination()))) {
      return refuse(Fault.INVALID_DATASTORE, "no VMFS volume " + e.destination() + " is mounted");
    }
    if (vm.home().equals(e.destination())) {
      return refuse(Fault.INVALID_ARGUMENT, e.vm() + " already lives on " + e.destination());
    }
    return Optional.empty();
  }

  private static Optional<Fault> refuse(String type, String message) {
    return Optional.of(new Fault(type, message));
  }
}
