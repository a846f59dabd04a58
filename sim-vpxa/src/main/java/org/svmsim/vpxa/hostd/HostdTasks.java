package org.svmsim.vpxa.hostd;

import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.sim.Bus;

/** hostd's task manager: names tasks {@code haTask-<vmid>-vim.VirtualMachine.<method>-<n>} and ends them. */
final class HostdTasks {
  private final Bus bus;
  private long next;

  /** {@code first}: hostd numbers tasks from its start, so a run begins somewhere in the sequence. */
  HostdTasks(Bus bus, long first) {
    this.bus = bus;
    this.next = first;
  }

  String create(HostdVm vm, String method, String opId) {
    String id = "haTask-" + vm.hostdId() + "-vim.VirtualMachine." + method + "-" + next++;
    bus.publish(new AgentEvent.HostdTaskCreated(id, opId));
    return id;
  }

  void complete(HostdVm vm, boolean success, String fault) {
    bus.publish(new AgentEvent.HostdTaskCompleted(vm.taskId(), vm.opId(), success, fault));
  }

  /** A task refused at once: created and failed in the same instant, the VM's own task untouched. */
  void refuse(HostdVm vm, String method, String opId, String fault) {
    String id = create(vm, method, opId);
    bus.publish(new AgentEvent.HostdTaskCompleted(id, opId, false, fault));
  }
}
