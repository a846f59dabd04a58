package org.svmsim.vpxa.hostd;

import org.svmsim.kernel.event.AgentEvent;
import org.svmsim.kernel.event.VmxEvent;
import org.svmsim.kernel.id.VmId;
import org.svmsim.kernel.sim.Bus;
import org.svmsim.kernel.sim.Subscriptions;
import org.svmsim.vpxa.Fault;

/** Power on and power off: hostd tasks that start or stop the VM's VMX and follow its answer. */
final class PowerOps {
  private final Bus bus;
  private final Hostd hostd;
  private final HostdTasks tasks;

  PowerOps(Bus bus, Hostd hostd, HostdTasks tasks) {
    this.bus = bus;
    this.hostd = hostd;
    this.tasks = tasks;
  }

  /** The VMX's answers hostd follows; the power commands come through the host's agents (HostAgents). */
  void subscribe(Subscriptions subscriptions) {
    subscriptions.on(VmxEvent.GuestRunning.class, e -> guestRunning(e.vm()));
    subscriptions.on(VmxEvent.VmxStopped.class, e -> onVmxStopped(e.vm()));
  }

  void powerOn(VmId vm) {
    HostdVm h = hostd.require(vm);
    String opId = hostd.newOpId();
    if (h.state() != VmState.OFF) {
      tasks.refuse(h, "powerOn", opId, invalidState(h, "powered on"));
      return;
    }
    h.task(tasks.create(h, "powerOn", opId), opId);
    hostd.changeState(h, VmState.OFF, VmState.POWERING_ON, opId);
    bus.publish(new VmxEvent.StartVmx(vm, h.home(), false));
  }

  void powerOff(VmId vm) {
    HostdVm h = hostd.require(vm);
    switch (h.state()) {
      case MIGRATING, POWERING_ON -> {
        // A relocate (or a power-on) owns the VM's VMX: stopping it now would kill the migration half-way.
        // hostd queues the power-off and runs it once the VM is back in VM_STATE_ON.
        h.powerOffPending(true);
      }
      case ON -> {
        String opId = hostd.newOpId();
        h.task(tasks.create(h, "powerOff", opId), opId);
        hostd.changeState(h, VmState.ON, VmState.POWERING_OFF, opId);
        bus.publish(new VmxEvent.StopVmx(vm));
      }
      default -> tasks.refuse(h, "powerOff", hostd.newOpId(), invalidState(h, "powered off"));
    }
  }

  /** The VM's guest runs (hostd heard it, or learnt it from the VMX after a restart). */
  void guestRunning(VmId vm) {
    HostdVm h = hostd.vm(vm).orElse(null);
    // The shadow VM's guest, or a VMX hostd did not start, is not a power-on hostd waits for.
    if (h == null || h.state() != VmState.POWERING_ON) {
      return;
    }
    hostd.changeState(h, VmState.POWERING_ON, VmState.ON, h.opId());
    tasks.complete(h, true, "");
    if (h.powerOffPending()) {
      h.powerOffPending(false);
      powerOff(vm);
    }
  }

  private void onVmxStopped(VmId vm) {
    HostdVm h = hostd.vm(vm).orElse(null);
    // Only a stop hostd asked for ends in VM_STATE_OFF: the source VMX exits after fast suspend/resume,
    // and the shadow's after a failed migration, while the VM itself keeps running.
    if (h == null || h.state() != VmState.POWERING_OFF) {
      return;
    }
    hostd.changeState(h, VmState.POWERING_OFF, VmState.OFF, h.opId());
    tasks.complete(h, true, "");
  }

  private static String invalidState(HostdVm h, String wanted) {
    return new Fault(Fault.INVALID_POWER_STATE, "The VM " + h.config().vm() + " cannot be " + wanted
        + " in its current state (" + h.state().esxName() + ").").toString();
  }
}
